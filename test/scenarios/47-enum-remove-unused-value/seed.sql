INSERT INTO plans (id, tier) VALUES (1, 'free'), (2, 'basic'), (3, NULL);
