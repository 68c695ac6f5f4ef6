INSERT INTO posts (id, title, body) VALUES (1, 'Hello', 'First post'), (2, 'Again', ''), (3, 'More', 'Third');
