INSERT INTO releases (id, title) VALUES (1, 'alpha'), (2, 'beta'), (3, 'gamma');
