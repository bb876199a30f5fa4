import { describe, expect, it } from 'vitest';
import { deviceAllowProblem } from '../../../../src/systemd/lint/device-allow.js';

// Each case was put to systemd-analyze verify (systemd 252); the conformance files hold the same shapes.
describe('DeviceAllow=, as systemd 252 reads it', () => {
  it('takes a device node or group, then rights of r, w and m', () => {
    const accepted = ['/dev/ttyUSB0 rw', '/dev/ttyUSB0:rw', 'char-usb_device rwm', '/dev/dri', 'block-* r'];
    for (const value of [...accepted, '/dev/sda  rw', 'char-foo rw', '"/dev/sda r"', '%h/x r'])
      expect(deviceAllowProblem('DeviceAllow', value), value).toBeUndefined();
    expect(deviceAllowProblem('DeviceAllow', '/dev/ttyUSB0 rwx')).toBe(
      "Invalid device rights 'rwx', ignoring.",
    );
    expect(deviceAllowProblem('DeviceAllow', '/dev/sda R')).toBe("Invalid device rights 'R', ignoring.");
    expect(deviceAllowProblem('DeviceAllow', '/dev/sda rw extra')).toBe(
      "Invalid device rights 'rw extra', ignoring.",
    );
    expect(deviceAllowProblem('DeviceAllow', 'ttyUSB0 rw')).toBe(
      "Invalid device node path 'ttyUSB0', ignoring.",
    );
  });

  it('leaves other settings alone', () => {
    expect(deviceAllowProblem('DevicePolicy', 'ttyUSB0')).toBeUndefined();
  });
});
