INSERT INTO invoices (id, total) VALUES (1, 12345678.90), (2, 0.01), (3, NULL);
