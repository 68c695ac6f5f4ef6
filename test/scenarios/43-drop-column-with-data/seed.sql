INSERT INTO leads (id, name, fax) VALUES (1, 'a', '555-1'), (2, 'b', NULL), (3, 'c', '555-3');
