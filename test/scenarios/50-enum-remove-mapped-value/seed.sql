INSERT INTO tasks (id, state) VALUES (1, 'blocked'), (2, 'done'), (3, 'blocked'), (4, NULL);
