INSERT INTO accounts (id, plan) VALUES (1, 'free'), (2, NULL), (3, NULL), (4, 'pro');
