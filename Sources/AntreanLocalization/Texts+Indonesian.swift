extension Texts {
    /// Bahasa Indonesia. The terms follow Indonesian public-service documents (antrean, loket, kuota,
    /// pemohon, layanan, waktu tunggu, tidak hadir); docs/i18n.md cites where each is taken from.
    /// Numbers in these texts are filled in with the Indonesian decimal comma and dot thousands.
    public static let indonesian: [String: String] = [
        reportIndonesian, fitIndonesian, scheduleIndonesian, problemIndonesian,
    ].reduce(generalIndonesian) { table, part in table.merging(part) { general, _ in general } }

    /// The texts of the tables and messages; the HTML report's texts are in ``reportIndonesian``.
    static let generalIndonesian: [String: String] = [
        // Shared
        // The comma is the Indonesian decimal mark, so an interval's ends are split by a semicolon.
        "common.interval": "[{low}; {high}]",
        "common.single_replication_note":
            "Satu replikasi: selang kepercayaan tidak dapat dihitung (jalankan --replications 2 atau lebih).",
        "common.none": "tidak ada",
        "common.yes": "ya",

        // simulate, city scenarios
        "city.title": "{title} — {replications} replikasi × {days} hari ({open} hari buka), benih acak {seed}",
        "city.note.counts_many":
            "Jumlah = total selama hari yang diukur (rata-rata antarreplikasi); ± pada waktu tunggu = setengah "
            + "lebar selang kepercayaan 95%;",
        "city.note.counts_one": "Jumlah = total selama hari yang diukur. {note}",
        "city.note.legend":
            "pergi = pulang sebelum antre + keluar dari antrean; jeda hr = hari dari pemesanan ke jadwal; "
            + "sibuk% = waktu loket melayani\ndalam jam layanan; jatah% = waktu loket yang dijual sebagai kuota ÷ "
            + "waktu loket tersedia; lembur = menit buka setelah jam tutup.",
        "city.offices_heading": "Kantor, p90 waktu tunggu terburuk lebih dulu ({shown} dari {total}):",
        "city.areas_heading": "Per kecamatan (kantor kelurahan dan kecamatan di wilayahnya) dan seluruh kota:",
        "city.all_offices": "Semua kantor",
        "city.kind.kelurahan": "kelurahan",
        "city.kind.kecamatan": "kecamatan",
        "city.kind.mpp": "mpp",
        "city.kind.city": "kota",
        "city.header.office": "kantor",
        "city.header.kind": "jenis",
        "city.header.counters": "loket",
        "city.header.arrivals_per_day": "datang/hr",
        "city.header.booked": "pesan%",
        "city.header.served": "dilayani",
        "city.header.no_shows": "tdk hadir",
        "city.header.left": "pergi",
        "city.header.wait": "tunggu (mnt)",
        "city.header.within_target": "≤{target}mnt%",
        "city.header.lead_days": "jeda hr",
        "city.header.slot_utilization": "kuota%",
        "city.header.counter_utilization": "sibuk%",
        "city.header.sold": "jatah%",
        "city.header.overtime": "lembur",

        // simulate, queue scenarios
        "queue.title": "{title} — {replications} replikasi, benih acak {seed}",
        "queue.overall": "keseluruhan",
        "queue.header.scope": "cakupan",
        "queue.header.arrivals": "kedatangan",
        "queue.header.served": "dilayani",
        "queue.header.abandoned": "pergi",
        "queue.header.wait": "tunggu (mnt)",
        "queue.header.interval": "SK 95%",
        "queue.header.utilization": "sibuk",
        "queue.littles_law":
            "λ·W = kedatangan per menit × rata-rata waktu dalam sistem setiap pemohon (dilayani atau pergi).",
        "queue.theory_heading": "Teori:",
        "queue.theory.no_interval":
            "  {key}: simulasi {estimate}, teori {expected} — satu replikasi tidak memberi SK 95%",
        "queue.theory.check": "  {key}: simulasi {estimate} {interval}, teori {expected} — {verdict} SK 95%",
        "queue.theory.inside": "di dalam",
        "queue.theory.outside": "DI LUAR",

        // compare
        "compare.title":
            "{title}: A = {a}, B = {b}, {pairs} replikasi berpasangan (bilangan acak bersama)",
        "compare.header.metric": "metrik",
        "compare.header.difference_interval": "SK 95% dari B − A",
        "compare.header.verdict": "kesimpulan",
        "compare.verdict.a_better": "A lebih baik",
        "compare.verdict.b_better": "B lebih baik",
        "compare.verdict.no_significant_difference": "tidak berbeda nyata",
        "compare.verdict.different": "berbeda",
        "compare.verdict.too_few_replications": "replikasi terlalu sedikit",
        "compare.summary.none":
            "Tidak ada perbedaan nyata pada indikator mana pun pada tingkat 95% (replikasi lebih banyak "
            + "mempersempit selang).",
        "compare.summary.wins":
            "A ({a}) lebih baik pada {a_wins} indikator, B ({b}) lebih baik pada {b_wins}; sisanya tidak berbeda nyata.",

        // plan
        "plan.title":
            "{title}: kebutuhan petugas loket untuk \"{target}\" dengan keyakinan 95%\n"
            + "{replications} replikasi per calon dengan bilangan acak bersama (benih acak {seed}), "
            + "{evaluations} calon disimulasikan",
        "plan.header.unit": "unit",
        "plan.header.current": "kini",
        "plan.header.proposed": "usulan",
        "plan.header.bound": "batas 95%",
        "plan.header.meets": "memenuhi",
        "plan.header.counter_hours_change": "Δ jam-loket",
        "plan.metric.quantile_wait": "{quantile} tunggu (mnt)",
        "plan.metric.mean_wait": "rerata tunggu (mnt)",
        "plan.metric.share_within": "porsi dalam {limit}",
        "plan.not_met_within": "TIDAK (hingga {limit})",
        "plan.missed_unit": "{unit} (tidak terpenuhi hingga {limit} loket)",
        "plan.no_plan":
            "TIDAK ADA RENCANA: sasaran tidak terpenuhi di {units}. Jam-loket ({current} dalam rencana saat ini) tidak "
            + "dibandingkan: rencana yang gagal memenuhi sasaran bukan penghematan. Naikkan --max-counters, atau "
            + "longgarkan sasaran.",
        "plan.counter_hours":
            "Jam-loket: {current} dalam rencana saat ini, {proposed} diusulkan ({change})",
        "hourly.title":
            "{title}: loket per jam untuk \"{target}\" (analitis: Erlang C per jam; SIPP memakai laju jam itu, "
            + "MOL beban tawaran yang tertunda)",
        "hourly.header.unit": "unit",
        "hourly.header.hour": "jam",
        "hourly.header.arrivals_per_hour": "datang/jam",
        "hourly.header.offered_load": "beban tawaran",

        // merge
        "sweep.title": "{scenario}: {points} titik kisi × {replications} replikasi, benih acak {seed}",

        // schedule
        "schedule.session":
            "Sesi: {citizens} pemohon, {intervals} interval × {interval} mnt, {counters} loket, tidak hadir "
            + "{no_show}%, rata-rata lama layanan {service} mnt",
        "schedule.objective": "Nilai sasaran = {wait} × tunggu + {idle} × luang + {overtime} × lembur  ({method})",
        "schedule.method.exact": "eksak: Kaandorp & Koole 2007",
        "schedule.method.simulated":
            "simulasi: {replications} replikasi, benih acak {seed}, ± = setengah lebar SK 95%",
        "schedule.header.schedule": "jadwal",
        "schedule.header.wait": "tunggu",
        "schedule.header.idle": "luang",
        "schedule.header.overtime": "lembur",
        "schedule.header.makespan": "rentang",
        "schedule.header.objective": "nilai sasaran",
        "schedule.header.places": "tempat per interval",
        "schedule.name.optimized": "teroptimasi",
        "schedule.name.uniform": "merata",
        "schedule.name.bailey_welch": "Bailey–Welch",
        "schedule.note":
            "(menit; tunggu dihitung per pemohon yang datang, luang = menit loket menganggur dalam sesi)",
        "csv.column.schedule": "jadwal",
        "csv.column.places": "tempat per interval",
        "csv.column.wait_minutes": "tunggu (mnt)",
        "csv.column.idle_minutes": "luang (mnt)",
        "csv.column.overtime_minutes": "lembur (mnt)",
        "csv.column.makespan_minutes": "rentang (mnt)",
        "csv.column.objective": "nilai sasaran",

        // CSV header names
        "csv.column.metric": "metrik",
        "csv.column.mean": "rata-rata",
        "csv.column.ci95_low": "batas bawah SK 95%",
        "csv.column.ci95_high": "batas atas SK 95%",
        "csv.column.sd": "simpangan baku",
        "csv.column.replications": "replikasi",
        "csv.column.theory": "teori",
        "csv.column.a": "A",
        "csv.column.b": "B",
        "csv.column.difference": "B − A",
        "csv.column.direction": "arah lebih baik",
        "csv.column.verdict": "kesimpulan",
        "csv.column.unit": "unit",
        "csv.column.current": "loket saat ini",
        "csv.column.erlang_c": "loket menurut Erlang C",
        "csv.column.counters": "loket usulan",
        "csv.column.metric_mean": "rata-rata metrik sasaran",
        "csv.column.metric_ci95_low": "batas bawah SK 95% metrik sasaran",
        "csv.column.metric_ci95_high": "batas atas SK 95% metrik sasaran",
        "csv.column.meets_target": "memenuhi sasaran",
        "csv.column.counter_hours_change": "perubahan jam-loket",
        "csv.column.point": "titik kisi",
        "csv.column.hour": "jam",
        "csv.column.arrivals_per_hour": "kedatangan per jam",
        "csv.column.offered_load": "beban tawaran",
        "csv.column.sipp": "loket menurut SIPP",
        "csv.column.mol": "loket menurut MOL",

        // Refusals of the allocator: what the portal, the kiosk or the 112 operator tells the pemohon
        "refusal.unknown_office": "Kantor layanan tidak dikenal",
        "refusal.unknown_service": "Jenis layanan tidak dikenal",
        "refusal.service_not_offered": "Layanan ini tidak tersedia di kantor tersebut",
        "refusal.no_such_slot": "Tidak ada jadwal layanan pada waktu ini (kantor tutup atau jam tidak sesuai jadwal)",
        "refusal.slot_full": "Kuota pada jam ini sudah penuh",
        "refusal.walk_in_reserve_full": "Kuota untuk pemohon yang datang langsung sudah habis",
        "refusal.daily_quota_reached": "Kuota harian layanan ini sudah habis",
        "refusal.outside_booking_window":
            "Waktu yang dipilih di luar rentang pemesanan (sudah lewat, terlalu dekat, atau terlalu jauh ke depan)",
        "refusal.nik_limit_reached": "NIK ini sudah memiliki {limit} pemesanan aktif",
        "refusal.nik_limit_reached.no_limit": "NIK ini sudah mencapai batas pemesanan aktif",
        "refusal.account_limit_reached": "Akun ini sudah membuat {limit} pemesanan dalam {hours} jam terakhir",
        "refusal.account_limit_reached.no_limit": "Akun ini sudah mencapai batas pemesanan",
        "refusal.unknown_booking": "Pemesanan tidak ditemukan",
        "refusal.not_owner": "Pemesanan ini terdaftar atas NIK lain",
        "refusal.hold_not_active":
            "Kuota yang ditahan sudah tidak berlaku (waktunya habis, dibatalkan, atau sudah dikonfirmasi)",
        "refusal.booking_not_active": "Pemesanan ini sudah tidak aktif",
        "refusal.reschedule_limit_reached": "Jadwal pemesanan ini sudah diubah {limit} kali, batas terbanyak",
        "refusal.reschedule_limit_reached.no_limit": "Jadwal pemesanan ini tidak dapat diubah lagi",
        "refusal.idempotency_key_reused": "Kode permintaan ini sudah dipakai untuk permintaan lain",
        "refusal.no_availability": "Tidak ada kuota tersedia yang sesuai dengan permintaan",
        "refusal.wrong_office": "Pemesanan ini untuk kantor lain",
        "refusal.too_early_to_check_in": "Belum waktunya lapor hadir; silakan datang mendekati jadwal",
        "refusal.check_in_closed": "Layanan kantor pada hari ini sudah tutup",
        "refusal.token_malformed": "Kode QR tidak terbaca",
        "refusal.token_forged": "Kode QR tidak sah",
        "refusal.token_altered": "Kode QR telah diubah sehingga tidak sah",
        "refusal.token_expired": "Kode QR sudah kedaluwarsa",
        "refusal.token_replayed": "Kode QR ini sudah dipakai untuk lapor hadir",
        "refusal.token_wrong_office": "Kode QR ini untuk kantor lain",
        "refusal.token_outside_window": "Kode QR belum atau tidak lagi dapat dipakai pada waktu ini",
        "refusal.token_revoked": "Pemesanan untuk kode QR ini sudah dibatalkan atau dipindahkan",
        "refusal.invalid_nik": "NIK tidak valid (harus 16 angka, sesuai KTP)",
        "refusal.instant_out_of_range": "Tanggal di luar rentang yang didukung",
    ]
}
