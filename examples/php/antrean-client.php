<?php
// A minimal client of `antrean serve` in the portals' language (PHP 8 with the curl extension:
// Debian's php-cli and php-curl). It books a place, fetches the booking's QR token, checks the citizen
// in with it and reads the office's queue, as a Laravel portal or a kiosk would.
//
//   php examples/php/antrean-client.php http://127.0.0.1:8080 "$KEY" 6472011204850003 kel-sidodadi ktp
//
// Prints one JSON line per step and exits 0; on an error answer it prints the RFC 9457 problem and
// exits 1. The key needs a role that may book and check in (admin here; a real portal has a portal key
// and the kiosk its own).

declare(strict_types=1);

final class AntreanClient
{
    public function __construct(private string $baseURL, private string $key)
    {
    }

    /** Sends a request; returns [status, decoded JSON body]. */
    public function call(string $method, string $path, ?array $body = null, array $headers = []): array
    {
        $handle = curl_init(rtrim($this->baseURL, '/') . $path);
        $sent = ['Authorization: Bearer ' . $this->key, 'Accept: application/json'];
        foreach ($headers as $name => $value) {
            $sent[] = $name . ': ' . $value;
        }
        if ($body !== null) {
            $sent[] = 'Content-Type: application/json';
            curl_setopt($handle, CURLOPT_POSTFIELDS, json_encode($body, JSON_THROW_ON_ERROR));
        }
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $sent,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 30,
        ]);
        $text = curl_exec($handle);
        if ($text === false) {
            throw new RuntimeException('request failed: ' . curl_error($handle));
        }
        $status = curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        curl_close($handle);
        return [$status, json_decode($text, true, 32, JSON_THROW_ON_ERROR)];
    }

    /** Books the earliest slot at the home office; the same $idempotencyKey never books twice. */
    public function book(string $nik, string $office, string $service, string $idempotencyKey): array
    {
        return $this->expect(201, 200, $this->call('POST', '/v1/bookings',
            ['nik' => $nik, 'service' => $service, 'homeOffice' => $office],
            ['Idempotency-Key' => $idempotencyKey]));
    }

    public function token(string $code, string $nik): string
    {
        return $this->expect(200, 200, $this->call('POST', "/v1/bookings/$code/token", ['nik' => $nik]))['token'];
    }

    public function checkIn(string $office, string $token): array
    {
        return $this->expect(200, 200, $this->call('POST', "/v1/offices/$office/check-ins", ['token' => $token]));
    }

    public function queue(string $office, string $service): array
    {
        return $this->expect(200, 200, $this->call('GET', "/v1/offices/$office/queue?service=" . urlencode($service)));
    }

    private function expect(int $created, int $ok, array $reply): array
    {
        [$status, $json] = $reply;
        if ($status !== $created && $status !== $ok) {
            throw new AntreanProblem($json);
        }
        return $json;
    }
}

final class AntreanProblem extends RuntimeException
{
    public function __construct(public array $problem)
    {
        parent::__construct(($problem['type'] ?? 'problem') . ': ' . ($problem['title'] ?? ''));
    }
}

if (PHP_SAPI === 'cli' && realpath($argv[0]) === __FILE__) {
    if ($argc !== 6) {
        fwrite(STDERR, "usage: php antrean-client.php BASE_URL KEY NIK OFFICE SERVICE\n");
        exit(64);
    }
    [, $base, $key, $nik, $office, $service] = $argv;
    $client = new AntreanClient($base, $key);
    try {
        $booking = $client->book($nik, $office, $service, bin2hex(random_bytes(16)));
        echo json_encode(['booked' => $booking]), "\n";
        $token = $client->token($booking['code'], $nik);
        echo json_encode(['token' => $token]), "\n";
        echo json_encode(['checkedIn' => $client->checkIn($office, $token)]), "\n";
        echo json_encode(['queue' => $client->queue($office, $service)]), "\n";
    } catch (AntreanProblem $problem) {
        echo json_encode(['problem' => $problem->problem]), "\n";
        exit(1);
    }
}
