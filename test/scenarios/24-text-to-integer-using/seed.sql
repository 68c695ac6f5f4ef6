INSERT INTO parcels (id, weight) VALUES (1, '12 kg'), (2, 'unknown'), (3, '7kg'), (4, NULL);
