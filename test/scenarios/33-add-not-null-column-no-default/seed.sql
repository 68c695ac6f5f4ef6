INSERT INTO teams (id, name) VALUES (1, 'core'), (2, 'web');
