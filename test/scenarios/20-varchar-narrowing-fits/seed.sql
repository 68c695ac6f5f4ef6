INSERT INTO codes (id, code) VALUES (1, 'ABC'), (2, '12345678'), (3, NULL);
