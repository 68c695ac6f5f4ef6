INSERT INTO imports (id, qty) VALUES (1, '12'), (2, '-3'), (3, NULL);
