#!/bin/sh
# Runs once inside the freshly bootstrapped base image (chroot) to finish it as a customer server.
set -eu
useradd -m -s /bin/bash deploy
install -d -m 700 -o deploy -g deploy /home/deploy/.ssh
install -d -m 700 /root/.ssh
chmod 440 /etc/sudoers.d/deploy
chmod 755 /usr/local/bin/dbt /usr/local/sbin/hflab-init
# Host keys are per host, written before boot; the base must not share one.
rm -f /etc/ssh/ssh_host_*
# Each host gets its own machine id before boot.
rm -f /etc/machine-id /var/lib/dbus/machine-id
systemctl enable hflab-net.service ssh.service >/dev/null 2>&1
for unit in apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer systemd-networkd-wait-online.service \
  getty@tty1.service console-getty.service systemd-timesyncd.service; do
  systemctl mask "$unit" >/dev/null 2>&1 || true
done
apt-get clean
