#!/usr/bin/perl
# An SMSC on Net::SMPP (Debian's libnet-smpp-perl) for smsgw's interop tests: one connection at a time.
#  - bind_transceiver with system_id/password checked (ESME_RINVPASWD 0x0E otherwise), enquire_link, unbind
#  - after the bind, MO deliver_sm: `mo` GSM-7 messages from reporters base, base+1, ... then, with ucs2=1, one UCS-2
#    message from the next reporter, then, with long=1, one GSM-7 message from the next in three parts (UDH, IEI 0x00,
#    esm_class 0x40); at most `window` unanswered
#  - submit_sm -> submit_sm_resp with a hex message id; registered_delivery & 1 -> a receipt deliver_sm (esm_class
#    0x04, "id:... stat:DELIVRD" text, receipted_message_id and message_state TLVs)
# Prints on stdout, one line each: PORT n, BOUND system_id, REFUSED system_id, MO_RESP status,
# SUBMIT dst src data_coding registered_delivery id hex(short_message), RECEIPT_RESP status.
# Usage: perl smsc.pl system_id=smsgw password=secret mo=100 base=84912300000 dst=156 window=20 ucs2=1 long=1
use strict;
use warnings;
use utf8;
use Encode qw(encode);
use Net::SMPP;

my %a = (system_id => 'smsgw', password => 'secret', mo => 0, base => '84912300000', dst => '156', window => 20,
         ucs2 => 0, long => 0, text => 'LD 0987654321 goi gia danh cong an');
for (@ARGV) { my ($k, $v) = split /=/, $_, 2; $a{$k} = $v; }
my $ucs2_text = 'LD 0987654321 gọi giả danh công an';
my @long_parts = ('LD 0987654321 goi gia danh cong an quan Hoan Kiem, noi toi lien quan den duong day rua tien ',
                  'va yeu cau chuyen toan bo tien tiet kiem vao tai khoan an toan de dieu tra. Ho doc dung so CCCD ',
                  'va dia chi nha toi, doa bat giam neu khong lam theo trong 30 phut.');
$| = 1;

my $srv = Net::SMPP->new_listen('127.0.0.1', port => 0, smpp_version => 0x34, async => 1, timeout => 3600)
    or die "listen: $!";
print "PORT ", $srv->sockport, "\n";

my $next_id = 0xa0000;
alarm 900;                       # a test's SMSC: never outlives its test run, even if the JVM that started it died
my $failures = 0;
while (1) {
    my $c = $srv->accept;
    if (!$c) {
        die "accept failed 10 times: $!" if ++$failures >= 10;
        next;
    }
    serve($c);
    close $c;
}

sub serve {
    my ($c) = @_;
    my ($bound, $sent, $inflight, %mo, %receipt) = (0, 0, 0);
    # every PDU to send: [source, data_coding, esm_class, short_message]
    my @pdus = map { [$a{base} + $_, 0, 0, $a{text}] } 0 .. $a{mo} - 1;
    push @pdus, [$a{base} + $a{mo}, 8, 0, encode('UTF-16BE', $ucs2_text)] if $a{ucs2};
    if ($a{long}) {
        my $src = $a{base} + $a{mo} + ($a{ucs2} ? 1 : 0);
        for my $i (0 .. $#long_parts) {                                      # UDH: IEI 0x00, ref 0x2A, 3 parts
            push @pdus, [$src, 0, 0x40, pack('C6', 5, 0, 3, 0x2A, scalar @long_parts, $i + 1) . $long_parts[$i]];
        }
    }
    my $pump = sub {
        while ($bound && $sent < @pdus && $inflight < $a{window}) {
            my ($src, $dcs, $esm, $body) = @{$pdus[$sent]};
            my $seq = $c->deliver_sm(source_addr_ton => 1, source_addr_npi => 1, source_addr => "$src",
                dest_addr_ton => 0, dest_addr_npi => 0, destination_addr => $a{dst}, esm_class => $esm,
                data_coding => $dcs, short_message => $body, async => 1);
            $mo{$seq} = 1;
            $sent++;
            $inflight++;
        }
    };
    while (my $pdu = $c->read_pdu()) {
        my $cmd = $pdu->{cmd};
        if ($cmd == 0x00000009) {                                               # bind_transceiver
            if ($pdu->{system_id} eq $a{system_id} && $pdu->{password} eq $a{password}) {
                $c->bind_transceiver_resp(system_id => 'perl-smsc', seq => $pdu->{seq});
                $bound = 1;
                print "BOUND $pdu->{system_id}\n";
                $pump->();
            } else {
                $c->bind_transceiver_resp(system_id => 'perl-smsc', seq => $pdu->{seq}, status => 0x0E);
                print "REFUSED $pdu->{system_id}\n";
            }
        } elsif ($cmd == 0x00000015) {                                          # enquire_link
            $c->enquire_link_resp(seq => $pdu->{seq});
        } elsif ($cmd == 0x00000006) {                                          # unbind
            $c->unbind_resp(seq => $pdu->{seq});
            return;
        } elsif ($cmd == 0x00000004) {                                          # submit_sm
            my $id = sprintf '%x', $next_id++;
            $c->submit_sm_resp(message_id => $id, seq => $pdu->{seq});
            my $registered = $pdu->{registered_delivery} || 0;
            printf "SUBMIT %s %s %d %d %s %s\n", $pdu->{destination_addr}, $pdu->{source_addr},
                $pdu->{data_coding} || 0, $registered, $id, unpack('H*', $pdu->{short_message});
            if ($registered & 1) {
                my @t = gmtime;
                my $d = sprintf '%02d%02d%02d%02d%02d', $t[5] % 100, $t[4] + 1, $t[3], $t[2], $t[1];
                my $seq = $c->deliver_sm(source_addr => $pdu->{destination_addr},
                    destination_addr => $pdu->{source_addr}, esm_class => 0x04, data_coding => 0,
                    short_message => "id:$id sub:001 dlvrd:001 submit date:$d done date:$d stat:DELIVRD err:000 text:",
                    receipted_message_id => "$id\0",                # a C-octet string: its NUL added by hand
                    message_state => pack('C', 2),                  # DELIVERED; a TLV value is packed by hand
                    async => 1);
                $receipt{$seq} = 1;
            }
        } elsif ($cmd == 0x80000005) {                                          # deliver_sm_resp
            if (delete $mo{$pdu->{seq}}) {
                $inflight--;
                print "MO_RESP $pdu->{status}\n";
                $pump->();
            } elsif (delete $receipt{$pdu->{seq}}) {
                print "RECEIPT_RESP $pdu->{status}\n";
            }
        }
    }
}
