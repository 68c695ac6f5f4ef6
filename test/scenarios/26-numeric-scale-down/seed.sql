INSERT INTO prices (id, amount) VALUES (1, 1.250), (2, 2.000), (3, 3.333), (4, NULL);
