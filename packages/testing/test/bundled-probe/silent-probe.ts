process.stdout.write('not json');
