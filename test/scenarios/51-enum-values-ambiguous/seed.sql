INSERT INTO pages (id, stage) VALUES (1, 'draft'), (2, 'draft');
