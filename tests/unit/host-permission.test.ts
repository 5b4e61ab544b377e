import { expect, test } from 'vitest';
import { hostPermission } from '@/lib/net/host-permission';

test('the host permission for a server: scheme and host, without the port Firefox cannot match', () => {
  expect(hostPermission('http://127.0.0.1:8080/dav/sync/')).toEqual({ origins: ['http://127.0.0.1/*'] });
  expect(hostPermission(' https://cloud.example.org/remote.php/dav/files/me/Reading ')).toEqual({
    origins: ['https://cloud.example.org/*'],
  });
  expect(hostPermission('http://[::1]:5000/translate')).toEqual({ origins: ['http://[::1]/*'] });
  expect(hostPermission('ftp://files.example.org/')).toBeNull();
  expect(hostPermission('cloud.example.org/dav')).toBeNull();
});
