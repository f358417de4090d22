// openload: an open-model HTTP/1.1 load generator for `antrean serve` that corrects for coordinated
// omission.
//
// A closed-loop generator such as wrk sends a connection's next request only when the previous answer
// has arrived, so when the server stalls, the generator stops asking and the stall is recorded as one
// slow request instead of the many that real, independent clients would have sent during it
// ("coordinated omission": Gil Tene, "How NOT to Measure Latency", Strange Loop 2015, and the wrk2
// README, github.com/giltene/wrk2). Here request i is due at t0 + i / rate whatever the answers, and its
// latency is measured from that intended time: a request that waits for a free connection, or behind a
// slow answer, is charged the wait. The service time (from the moment the request was actually written)
// is reported beside it, so the size of the correction is visible.
//
// Single-threaded epoll over keep-alive connections, one request in flight per connection (no
// pipelining), so the server sees exactly the requests of the schedule. Latencies are kept in full
// (8 bytes each) and sorted at the end: exact percentiles without a histogram's bucketing.
//
// Usage: openload --rate R --duration S [--warmup S] [--connections C] [--host H] [--port P]
//                 [--header 'Name: value']... (--get PATH... | --book OFFICE,OFFICE,... --service ID
//                 [--first N])
// --book makes each request a new citizen: POST /v1/bookings placed by the policy from a home office
// (rotating over the list) with a distinct, structurally valid NIK and its own Idempotency-Key, both
// derived from the request number (starting at --first, so runs on one store do not collide).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define MAX_HEADERS 16
#define MAX_PATHS 256
#define MAX_OFFICES 256
#define REQUEST_CAPACITY 4096
#define RESPONSE_CAPACITY 65536

typedef struct {
    int fd;
    int busy;                 // a request is in flight
    uint64_t intended_ns;     // when the request in flight was due (schedule time)
    uint64_t sent_ns;         // when it was written
    int measured;             // after the warm-up
    char out[REQUEST_CAPACITY];
    size_t out_len, out_sent;
    char in[RESPONSE_CAPACITY];
    size_t in_len;
} connection;

static const char *host = "127.0.0.1";
static int port = 8080;
static double rate = 1000, duration = 10, warmup = 2;
static int connection_count = 64;
static const char *headers[MAX_HEADERS];
static int header_count = 0;
static const char *paths[MAX_PATHS];
static int path_count = 0;
static char *offices[MAX_OFFICES];
static int office_count = 0;
static const char *service = "ktp";
static uint64_t first_number = 0;

static double *latencies, *service_times;
static size_t measured_count = 0, measured_capacity = 0;
static uint64_t status_counts[6];  // 1xx..5xx by hundreds; [0] unparsable
static uint64_t completed = 0, connection_errors = 0;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void die(const char *message) {
    fprintf(stderr, "openload: %s\n", message);
    exit(64);
}

// A NIK that the allocator accepts (docs: Sources/AntreanAllocator/Identity/NIK.swift): region 647201
// (Samarinda), birth date DD MM YY from the number in mixed radix, serial 0001-9999. Distinct for the
// first 28 * 12 * 100 * 9999 numbers.
static void nik_for(uint64_t n, char out[17]) {
    unsigned serial = (unsigned)(n % 9999) + 1;
    n /= 9999;
    unsigned day = (unsigned)(n % 28) + 1;
    n /= 28;
    unsigned month = (unsigned)(n % 12) + 1;
    n /= 12;
    unsigned year = (unsigned)(n % 100);
    snprintf(out, 17, "647201%02u%02u%02u%04u", day, month, year, serial);
}

static void build_request(connection *c, uint64_t i) {
    char extra[1024] = "";
    size_t extra_len = 0;
    for (int h = 0; h < header_count; h++) {
        int w = snprintf(extra + extra_len, sizeof extra - extra_len, "%s\r\n", headers[h]);
        if (w < 0 || (size_t)w >= sizeof extra - extra_len) die("headers too long");
        extra_len += (size_t)w;
    }
    int w;
    if (office_count > 0) {
        uint64_t n = first_number + i;
        char nik[17], body[512];
        nik_for(n, nik);
        int body_len = snprintf(body, sizeof body, "{\"nik\":\"%s\",\"service\":\"%s\",\"homeOffice\":\"%s\"}", nik,
                                service, offices[n % (uint64_t)office_count]);
        w = snprintf(c->out, sizeof c->out,
                     "POST /v1/bookings HTTP/1.1\r\nHost: %s\r\n%sContent-Type: application/json\r\n"
                     "Idempotency-Key: openload-%llu\r\nContent-Length: %d\r\n\r\n%s",
                     host, extra, (unsigned long long)n, body_len, body);
    } else {
        w = snprintf(c->out, sizeof c->out, "GET %s HTTP/1.1\r\nHost: %s\r\n%s\r\n", paths[i % (uint64_t)path_count],
                     host, extra);
    }
    if (w < 0 || (size_t)w >= sizeof c->out) die("request too long");
    c->out_len = (size_t)w;
    c->out_sent = 0;
    c->in_len = 0;
}

static int open_connection(int epoll_fd, connection *c) {
    // A blocking connect (loopback: quick), so that a server that is not there is an error at once.
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (c->fd < 0) return -1;
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, host, &address.sin_addr) != 1) die("--host must be an IPv4 address");
    if (connect(c->fd, (struct sockaddr *)&address, sizeof address) < 0) return -1;
    if (fcntl(c->fd, F_SETFL, O_NONBLOCK) < 0) return -1;
    struct epoll_event event = {.events = EPOLLIN | EPOLLOUT | EPOLLET, .data.ptr = c};
    if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, c->fd, &event) < 0) return -1;
    c->busy = 0;
    c->in_len = 0;
    return 0;
}

static void record(connection *c, int status, uint64_t done) {
    completed++;
    status_counts[(status >= 100 && status < 600) ? status / 100 : 0]++;
    if (!c->measured) return;
    if (measured_count == measured_capacity) {
        measured_capacity = measured_capacity ? measured_capacity * 2 : 1 << 16;
        latencies = realloc(latencies, measured_capacity * sizeof *latencies);
        service_times = realloc(service_times, measured_capacity * sizeof *service_times);
        if (!latencies || !service_times) die("out of memory");
    }
    latencies[measured_count] = (double)(done - c->intended_ns) / 1e6;
    service_times[measured_count] = (double)(done - c->sent_ns) / 1e6;
    measured_count++;
}

// Parses one complete response in c->in: returns its length (>0), 0 when more bytes are needed, -1
// when malformed. Content-Length and chunked bodies.
static long complete_response(connection *c, int *status, int *closes) {
    c->in[c->in_len < RESPONSE_CAPACITY ? c->in_len : RESPONSE_CAPACITY - 1] = 0;
    char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
    if (!end) return c->in_len >= RESPONSE_CAPACITY - 1 ? -1 : 0;
    size_t head = (size_t)(end - c->in) + 4;
    if (c->in_len < 12 || strncmp(c->in, "HTTP/1.", 7) != 0) return -1;
    *status = atoi(c->in + 9);
    *closes = strncmp(c->in, "HTTP/1.0", 8) == 0;
    long content_length = -1;
    int chunked = 0;
    for (char *line = strstr(c->in, "\r\n") + 2; line < end; line = strstr(line, "\r\n") + 2) {
        if (strncasecmp(line, "content-length:", 15) == 0) content_length = atol(line + 15);
        if (strncasecmp(line, "connection:", 11) == 0) *closes = strncasecmp(line + 11, " close", 6) == 0;
        if (strncasecmp(line, "transfer-encoding:", 18) == 0 && strstr(line, "chunked") < strstr(line, "\r\n"))
            chunked = strstr(line, "chunked") != NULL;
    }
    if (!chunked) {
        if (content_length < 0) content_length = 0;
        return c->in_len >= head + (size_t)content_length ? (long)(head + (size_t)content_length) : 0;
    }
    size_t at = head;
    while (1) {
        char *line_end = memmem(c->in + at, c->in_len - at, "\r\n", 2);
        if (!line_end) return 0;
        unsigned long size = strtoul(c->in + at, NULL, 16);
        at = (size_t)(line_end - c->in) + 2 + size + 2;
        if (at > c->in_len) return 0;
        if (size == 0) return (long)at;
    }
}

static int pump_write(connection *c) {
    while (c->out_sent < c->out_len) {
        ssize_t w = write(c->fd, c->out + c->out_sent, c->out_len - c->out_sent);
        if (w < 0) return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
        c->out_sent += (size_t)w;
    }
    return 0;
}

static void usage(void) {
    die("usage: openload --rate R --duration S [--warmup S] [--connections C] [--host IPv4] [--port P] "
        "[--header 'Name: value']... (--get PATH... | --book OFFICE,OFFICE,... [--service ID] [--first N])");
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(const double *sorted, size_t n, double p) {
    if (n == 0) return 0;
    // The smallest value with at least p% of the values at or below it (nearest rank).
    double exact = p / 100.0 * (double)n;
    size_t rank = (size_t)exact;
    if ((double)rank < exact) rank++;
    return sorted[rank == 0 ? 0 : (rank > n ? n : rank) - 1];
}

int main(int argc, char **argv) {
    for (int a = 1; a < argc; a++) {
        const char *flag = argv[a];
        if (a + 1 >= argc) usage();
        const char *value = argv[++a];
        if (!strcmp(flag, "--rate")) rate = atof(value);
        else if (!strcmp(flag, "--duration")) duration = atof(value);
        else if (!strcmp(flag, "--warmup")) warmup = atof(value);
        else if (!strcmp(flag, "--connections")) connection_count = atoi(value);
        else if (!strcmp(flag, "--host")) host = value;
        else if (!strcmp(flag, "--port")) port = atoi(value);
        else if (!strcmp(flag, "--service")) service = value;
        else if (!strcmp(flag, "--first")) first_number = strtoull(value, NULL, 10);
        else if (!strcmp(flag, "--header")) {
            if (header_count == MAX_HEADERS) die("too many --header");
            headers[header_count++] = value;
        } else if (!strcmp(flag, "--get")) {
            if (path_count == MAX_PATHS) die("too many --get");
            paths[path_count++] = value;
        } else if (!strcmp(flag, "--book")) {
            char *list = strdup(value);
            for (char *name = strtok(list, ","); name && office_count < MAX_OFFICES; name = strtok(NULL, ","))
                offices[office_count++] = name;
        } else usage();
    }
    if (rate <= 0 || duration <= 0 || warmup < 0 || connection_count < 1 || (path_count == 0) == (office_count == 0))
        usage();

    int epoll_fd = epoll_create1(0);
    int timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
    struct epoll_event timer_event = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, timer_fd, &timer_event);
    connection *pool = calloc((size_t)connection_count, sizeof *pool);
    if (!pool) die("out of memory");
    for (int k = 0; k < connection_count; k++)
        if (open_connection(epoll_fd, &pool[k]) < 0) die("cannot connect to the server");

    const double interval_ns = 1e9 / rate;
    const uint64_t total = (uint64_t)((warmup + duration) * rate);
    const uint64_t warmup_requests = (uint64_t)(warmup * rate);
    uint64_t next = 0;  // the next request number to send
    int *idle = malloc((size_t)connection_count * sizeof *idle);
    int idle_count = 0;
    for (int k = 0; k < connection_count; k++) idle[idle_count++] = k;
    uint64_t t0 = now_ns() + 10000000ull;  // 10 ms to settle
    uint64_t measure_start = t0 + (uint64_t)(warmup_requests * interval_ns);
    uint64_t max_backlog = 0;
    struct epoll_event events[256];

    // Answers still missing this long after the schedule ends are reported as unanswered.
    const uint64_t deadline = t0 + (uint64_t)((warmup + duration) * 1e9) + 10000000000ull;
    while (completed + connection_errors < total) {
        uint64_t now = now_ns();
        // Send every due request that has a free connection; the rest wait (and their latency grows).
        while (next < total && idle_count > 0) {
            uint64_t due = t0 + (uint64_t)((double)next * interval_ns);
            if (due > now) break;
            connection *c = &pool[idle[--idle_count]];
            build_request(c, next);
            c->busy = 1;
            c->intended_ns = due;
            c->measured = next >= warmup_requests;
            c->sent_ns = now_ns();
            if (pump_write(c) < 0) {
                connection_errors++;
                close(c->fd);
                if (open_connection(epoll_fd, c) < 0) die("cannot reconnect");
                idle[idle_count++] = (int)(c - pool);
            }
            next++;
        }
        if (next < total) {
            uint64_t due = t0 + (uint64_t)((double)next * interval_ns);
            if (due <= now && (now - due) / (uint64_t)interval_ns > max_backlog)
                max_backlog = (now - due) / (uint64_t)interval_ns;
            struct itimerspec when = {0};
            uint64_t at = due > now ? due : now + 1000;
            when.it_value.tv_sec = (time_t)(at / 1000000000ull);
            when.it_value.tv_nsec = (long)(at % 1000000000ull);
            timerfd_settime(timer_fd, TFD_TIMER_ABSTIME, &when, NULL);
        }
        int ready = epoll_wait(epoll_fd, events, 256, 1000);
        for (int e = 0; e < ready; e++) {
            connection *c = events[e].data.ptr;
            if (!c) {
                uint64_t expirations;
                while (read(timer_fd, &expirations, sizeof expirations) > 0) {}
                continue;
            }
            if (events[e].events & EPOLLOUT && c->busy && pump_write(c) < 0) goto failed;
            if (!(events[e].events & (EPOLLIN | EPOLLERR | EPOLLHUP))) continue;
            while (1) {
                ssize_t r = read(c->fd, c->in + c->in_len, RESPONSE_CAPACITY - 1 - c->in_len);
                if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
                if (r <= 0) goto failed;
                c->in_len += (size_t)r;
                int status = 0, closes = 0;
                long length = complete_response(c, &status, &closes);
                if (length < 0) goto failed;
                if (length > 0 && c->busy) {
                    record(c, status, now_ns());
                    c->busy = 0;
                    c->in_len = 0;
                    if (closes) {  // the server ends the connection after this answer: take a new one
                        close(c->fd);
                        if (open_connection(epoll_fd, c) < 0) die("cannot reconnect");
                    }
                    idle[idle_count++] = (int)(c - pool);
                    if (closes) break;
                }
            }
            continue;
        failed:
            // The answer never came (or was garbled): count the request lost and start a new connection. An
            // idle connection the server closed (keep-alive timeout) is only replaced.
            {
                int was_busy = c->busy;
                close(c->fd);
                if (open_connection(epoll_fd, c) < 0) die("cannot reconnect");
                if (was_busy) {
                    connection_errors++;
                    idle[idle_count++] = (int)(c - pool);
                }
            }
        }
        if (now_ns() > deadline) break;
    }
    uint64_t finished = now_ns();
    qsort(latencies, measured_count, sizeof *latencies, compare);
    qsort(service_times, measured_count, sizeof *service_times, compare);
    double seconds = (double)(finished - measure_start) / 1e9;
    printf("target rate %.0f/s for %.0f s (after %.0f s warm-up), %d connections\n", rate, duration, warmup,
           connection_count);
    printf("measured %zu answers in %.2f s: %.0f/s; status 2xx %llu 3xx %llu 4xx %llu 5xx %llu other %llu; "
           "connection errors %llu; unanswered %llu; largest backlog %llu requests\n",
           measured_count, seconds, (double)measured_count / seconds, (unsigned long long)status_counts[2],
           (unsigned long long)status_counts[3], (unsigned long long)status_counts[4],
           (unsigned long long)status_counts[5], (unsigned long long)status_counts[0],
           (unsigned long long)connection_errors, (unsigned long long)(total - completed - connection_errors),
           (unsigned long long)max_backlog);
    const double ps[] = {50, 90, 99, 99.9, 99.99, 100};
    printf("%-34s", "latency from intended send (ms):");
    for (size_t k = 0; k < sizeof ps / sizeof *ps; k++)
        printf(" p%g %.2f", ps[k], percentile(latencies, measured_count, ps[k]));
    printf("\n%-34s", "service time from actual send (ms):");
    for (size_t k = 0; k < sizeof ps / sizeof *ps; k++)
        printf(" p%g %.2f", ps[k], percentile(service_times, measured_count, ps[k]));
    printf("\n");
    return connection_errors > 0 || completed + connection_errors < total ? 1 : 0;
}
