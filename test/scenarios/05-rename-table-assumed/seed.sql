INSERT INTO person (id, name, email) VALUES (1, 'Ada', 'ada@example.com'), (2, 'Alan', NULL);
