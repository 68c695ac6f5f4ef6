INSERT INTO customers (id, phone) VALUES (1, '+33 1 23 45 67 89'), (2, NULL);
