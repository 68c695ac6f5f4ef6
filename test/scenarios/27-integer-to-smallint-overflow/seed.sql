INSERT INTO stats (id, visits) VALUES (1, 10), (2, 100000), (3, 40000);
