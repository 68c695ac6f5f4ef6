INSERT INTO invoices (id, memo) VALUES (1, 'first'), (2, NULL);
