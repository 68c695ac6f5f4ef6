INSERT INTO vendors (id, name) VALUES (1, 'acme');
INSERT INTO orders (id, vendor_id, qty) VALUES (1, 1, 3), (2, NULL, 1);
