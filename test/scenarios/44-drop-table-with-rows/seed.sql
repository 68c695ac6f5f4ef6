INSERT INTO keep (id, v) VALUES (1, 1);
INSERT INTO sessions (id, token) VALUES (1, 'a'), (2, 'b'), (3, 'c');
