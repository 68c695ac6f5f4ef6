INSERT INTO regions (id, code) VALUES (1, 'EU'), (2, 'US');
