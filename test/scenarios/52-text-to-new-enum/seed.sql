INSERT INTO cards (id, suit) VALUES (1, 'hearts'), (2, 'clubs'), (3, NULL);
