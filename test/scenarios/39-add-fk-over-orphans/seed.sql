INSERT INTO authors (id, name) VALUES (1, 'Knuth');
INSERT INTO books (id, title, author_id) VALUES (1, 'TAOCP', 1), (2, 'Lost', 99), (3, 'Gone', 98), (4, 'Anon', NULL);
