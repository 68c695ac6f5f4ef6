INSERT INTO orders (id, state) VALUES (1, 'open'), (2, 'shipped'), (3, NULL);
