INSERT INTO keep (id, v) VALUES (1, 1);
