import { describeRealWorldApp } from '../harness';

describeRealWorldApp({
  name: 'flowise',
  config: 'ormconfig.ts',
  knownFailures: {
    report:
      'issue 8 item 8 (name policy): 8 primary keys and one single-column unique named by hand in the migrations, which TypeORM never compares, are renamed',
    cli: 'issue 8 item 2: ormdiff\'s loader (SWC, one file at a time) gives `design:type` Object for `role: MessageType` (an imported string union; tsc says String): "Data type \\"Object\\" in \\"ChatMessage.role\\" is not supported"',
  },
});
