INSERT INTO cities (id, name) VALUES (1, 'Paris'), (2, 'Lyon');
