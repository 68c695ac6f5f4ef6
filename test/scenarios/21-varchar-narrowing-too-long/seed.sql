INSERT INTO slugs (id, slug) VALUES (1, 'short'), (2, 'much-too-long'), (3, 'another-long-one'), (4, NULL);
