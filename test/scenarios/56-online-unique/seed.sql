INSERT INTO domains (id, host) VALUES (1, 'a.org'), (2, 'b.org');
