extension Texts {
    /// Indonesian texts of `antrean fit` under the same keys as ``Texts/fitEnglish``. *Waktu layanan* is
    /// the service time (UU 25/2009 speaks of *jangka waktu pelayanan*); a walk-in is a *pemohon datang
    /// langsung*; *tidak hadir* a no-show; the lead time is the *jarak pemesanan*.
    static let fitIndonesian: [String: String] = [
        "fit.summary": "{rows_read} baris dibaca, {rows_used} dipakai, {rows_skipped} dilewati; menulis {files}",
        "fit.summary.and": "{first} dan {second}",
        "fit.summary.service": "  {service}: {served} dilayani, {model}",
        "fit.model.empirical": "empiris",
        "fit.model.no_family_fits": "empiris (tidak ada keluarga distribusi yang cocok)",
        "fit.page.title": "Pencocokan distribusi dari {source}",
        "fit.page.rows":
            "{rows_read} baris dibaca, {rows_used} dipakai, {rows_skipped} dilewati. Hari teramati menurut hari (Senin…Minggu): {days}.",
        "fit.service_times.title": "Waktu layanan",
        "fit.service.summary": "{served} dilayani; rata-rata {mean} ± {half_width} menit.",
        "fit.service.chosen": "Dipilih menurut AIC: {model}, KS D = {ks}, AD A² = {ad}.",
        "fit.service.does_not_fit": "Distribusi ini tidak cocok; fragmen skenario memakai distribusi empiris.",
        "fit.service.too_few": "Nilai yang berbeda terlalu sedikit untuk dicocokkan.",
        "fit.histogram.axis": "menit (0 – {top})",
        "fit.column.family": "keluarga distribusi",
        "fit.column.mean": "rata-rata (menit)",
        "fit.family.exponential": "eksponensial",
        "fit.family.lognormal": "lognormal",
        "fit.family.gamma": "gama",
        "fit.family.weibull": "Weibull",
        "fit.arrivals.title": "Kedatangan per jam (rata-rata per hari, Senin–Jumat)",
        "fit.arrivals.walk_ins_tooltip": "{hour}.00 datang langsung {rate} tiap jam",
        "fit.arrivals.booked_tooltip": "{hour}.00 dengan pemesanan {rate} tiap jam",
        "fit.arrivals.axis": "jam — biru datang langsung, jingga dengan pemesanan; puncak {peak} tiap jam",
        "fit.patience.title": "Kesabaran pemohon yang datang langsung",
        "fit.patience.none":
            "Tidak ada pemohon datang langsung yang keluar dari antrean: kesabaran tidak dapat diperkirakan.",
        "fit.patience.summary":
            "{left} pemohon datang langsung keluar dari antrean, {served} dilayani (tersensor). Penduga "
            + "kemungkinan maksimum eksponensial dengan sensor: rata-rata {mean} menit (SK 95% {low}–{high} menit).",
        "fit.patience.axis": "menit menunggu (0 – {top}) — biru Kaplan–Meier, merah eksponensial",
        "fit.no_shows.title": "Tidak hadir menurut jarak pemesanan",
        "fit.column.lead_time": "jarak pemesanan",
        "fit.column.bookings": "pemesanan",
        "fit.column.no_shows": "tidak hadir",
        "fit.column.interval": "SK 95%",
        "fit.column.late": "terlambat",
        "fit.band.0": "kurang dari 1 hari",
        "fit.band.1": "1–3 hari",
        "fit.band.2": "3–7 hari",
        "fit.band.3": "7–14 hari",
        "fit.band.4": "14–28 hari",
        "fit.band.5": "lebih dari 28 hari",
        "fit.skipped.title": "Baris yang dilewati",
        "fit.skipped.all": "{count} baris tidak dapat dibaca:",
        "fit.skipped.first": "{count} baris tidak dapat dibaca ({listed} yang pertama dicantumkan):",
        "fit.column.line": "baris",
        "fit.column.reason": "alasan",
    ]
}
