INSERT INTO products (id, sku, price) VALUES (1, 'A-1', 100), (2, 'B-2', 0);
