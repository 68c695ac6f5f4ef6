INSERT INTO scores (id, pts) VALUES (1, 10), (2, 0), (3, NULL);
