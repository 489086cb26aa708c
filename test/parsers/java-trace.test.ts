import { describe, expect, it } from 'vitest';
import { traceFields } from '../../parsers/java-trace.js';

describe('traceFields', () => {
  it("reads an exception whose toString() leaves out its package (ZooKeeper's EndOfStreamException)", () => {
    // Rendered from ZooKeeper's ClientCnxnSocketNIO.doIO (release-3.8.4): the message, then a frame.
    const trace =
      'EndOfStreamException: Unable to read additional data from server sessionid 0x20001cb21d50000, likely server has closed socket\n\tat org.apache.zookeeper.ClientCnxnSocketNIO.doIO(ClientCnxnSocketNIO.java:77)';
    expect(traceFields(trace)).toMatchObject({
      'error.type': 'EndOfStreamException',
      'error.message': 'Unable to read additional data from server sessionid 0x20001cb21d50000, likely server has closed socket',
      'kafka.log.trace.class': 'EndOfStreamException',
    });
  });

  it('takes no plain line for an exception', () => {
    expect(traceFields('Shutdown completed\n\tat nothing')).toBeUndefined();
    expect(traceFields('Error')).toBeUndefined();
  });
});
