INSERT INTO badges (id, owner, kind) VALUES (1, 1, 'gold'), (2, 1, 'gold'), (3, 1, 'silver'), (4, 2, 'gold');
