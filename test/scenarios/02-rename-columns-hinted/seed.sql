INSERT INTO people (id, first, last) VALUES (1, 'Grace', 'Hopper'), (2, 'Edsger', 'Dijkstra');
