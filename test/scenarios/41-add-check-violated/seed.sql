INSERT INTO employees (id, salary) VALUES (1, 1000), (2, 0), (3, -5), (4, NULL);
