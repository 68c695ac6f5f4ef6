INSERT INTO handles (id, handle) VALUES (1, 'ada'), (2, 'alan'), (3, NULL), (4, NULL);
