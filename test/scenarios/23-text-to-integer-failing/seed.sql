INSERT INTO readings (id, value) VALUES (1, '42'), (2, 'n/a'), (3, ''), (4, '7');
