INSERT INTO users (id, email, fullname) VALUES (1, 'ada@example.com', 'Ada Lovelace'), (2, 'alan@example.com', 'Alan Turing'), (3, 'x@example.com', NULL);
