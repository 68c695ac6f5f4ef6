INSERT INTO devices (id, ref) VALUES (1, 10), (2, NULL), (3, 30);
