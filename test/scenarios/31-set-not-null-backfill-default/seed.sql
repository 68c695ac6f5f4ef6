INSERT INTO subscriptions (id, plan) VALUES (1, 'pro'), (2, NULL), (3, NULL);
