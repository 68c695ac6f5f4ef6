INSERT INTO comments (id, text) VALUES (1, 'first'), (2, 'second');
