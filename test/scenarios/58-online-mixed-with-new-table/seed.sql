INSERT INTO stores (id, city) VALUES (1, 'Oslo');
