INSERT INTO owners (id, name) VALUES (1, 'Ann');
INSERT INTO pets (id, name, owner_id) VALUES (1, 'Rex', 1), (2, 'Tom', NULL);
