extension Texts {
    /// Indonesian texts of `antrean schedule`'s scenario form and report pages, under the keys of
    /// ``Texts/scheduleEnglish``. An appointment template is a *pola kuota* (the places the office opens for
    /// booking per interval); *nilai sasaran* is the objective, *luang* the counter's idle time.
    static let scheduleIndonesian: [String: String] = [
        "schedule.search.title":
            "Pencarian pola kuota (nilai sasaran = {wait} × tunggu + {idle} × luang + {overtime} × lembur, menit "
            + "per hari buka, pada replikasi pencarian sendiri): {changed} pola kantor × layanan × hari berubah",
        "schedule.search.header.office": "kantor",
        "schedule.search.header.objective_now": "nilai sasaran kini",
        "schedule.search.header.optimized": "teroptimasi",
        "schedule.search.header.moves": "langkah",
        "schedule.search.header.candidates": "calon",
        "schedule.search.header.shape": "bentuk",
        "schedule.city_frontier.note":
            "Pencarian pola kuota diulang dengan bobot luang dikalikan seperti tertera (bobot tunggu dan lembur "
            + "tetap); setiap titik adalah rata-rata waktu tunggu dan menit loket menganggur per hari dari pola "
            + "kuota teroptimasi {scope}, disimulasikan dengan bilangan acak bersama. Bobot luang yang lebih berat "
            + "membuat loket lebih sibuk dengan imbalan waktu tunggu lebih lama.",
        "schedule.city_frontier.chart": "waktu tunggu terhadap waktu luang pola kuota teroptimasi",
        "schedule.city_frontier.x_axis": "menit loket menganggur per hari →",
        "schedule.city_frontier.y_axis": "↑ rata-rata waktu tunggu, menit",
        "schedule.city_frontier.column.idle_weight": "bobot luang",
        "schedule.city_frontier.column.weights": "bobot (tunggu; luang; lembur)",
        "schedule.city_frontier.column.idle": "luang (menit/hari)",
        "schedule.city_frontier.column.wait": "tunggu (menit)",
        "schedule.city_frontier.column.changed": "pola kuota berubah",
        "schedule.comparison.title": "Pola kuota saat ini terhadap pola teroptimasi, {scope}, {days} hari",
        "schedule.scope.office": "kantor {office}",
        "schedule.scope.city": "seluruh kota",
        "schedule.label.current": "pola saat ini",
        "schedule.label.optimized": "pola teroptimasi",
        "schedule.page.session_title": "Jadwal janji temu satu sesi",
        "schedule.page.session_subtitle":
            "{citizens} pemohon dalam {intervals} interval × {interval} menit; nilai sasaran = {wait} × tunggu + "
            + "{idle} × luang + {overtime} × lembur",
        "schedule.shape.title": "Bentuk jadwal",
        "schedule.shape.note": "Pemohon yang diminta datang pada awal setiap interval (menit sejak awal sesi).",
        "schedule.shape.chart": "pemohon per interval",
        "schedule.unit.citizens": "pemohon",
        "schedule.unit.places": "kuota",
        "schedule.column.schedule": "jadwal",
        "schedule.column.wait": "tunggu (menit)",
        "schedule.column.idle": "luang (menit)",
        "schedule.column.overtime": "lembur (menit)",
        "schedule.column.makespan": "rentang (menit)",
        "schedule.column.objective": "nilai sasaran",
        "schedule.column.places": "kuota",
        "schedule.frontier.title": "Imbangan waktu tunggu dan waktu luang",
        "schedule.frontier.note":
            "Jadwal optimal dihitung ulang selagi bobot luang diubah terhadap bobot tunggu (bobot lembur tetap): "
            + "setiap titik adalah jadwal optimal satu perbandingan bobot. Bobot luang yang lebih berat "
            + "memadatkan awal jadwal dan mengurangi waktu luang dengan imbalan waktu tunggu lebih lama.",
        "schedule.frontier.chart": "waktu tunggu terhadap waktu luang jadwal-jadwal optimal",
        "schedule.frontier.column.ratio": "bobot luang : tunggu",
        "schedule.frontier.point": "{ratio}: luang {idle} menit, tunggu {wait} menit",
        "schedule.frontier.x_axis": "menit loket menganggur dalam sesi →",
        "schedule.frontier.y_axis": "↑ rata-rata waktu tunggu per pemohon yang datang, menit",
        "schedule.page.templates_title": "Pola kuota janji temu {scenario}",
        "schedule.page.templates_subtitle":
            "Dioptimasi dengan simulasi melalui pengalokasi kuota untuk {scope}; nilai sasaran = {wait} × tunggu + "
            + "{idle} × luang + {overtime} × lembur",
        "schedule.templates.title": "{weekday}: kuota per interval",
        "schedule.templates.note":
            "Jumlah kuota (termasuk cadangan) semua layanan {scope} yang menit janjinya jatuh pada setiap jendela "
            + "{minutes} menit sejak jam buka (pola kuota dengan panjang interval apa pun).",
        "schedule.templates.chart": "{weekday}: kuota per interval",
        "schedule.column.interval": "awal interval",
        "schedule.column.current": "saat ini",
        "schedule.column.optimized": "teroptimasi",
        "schedule.comparison.section": "Pola kuota saat ini terhadap pola teroptimasi",
        "schedule.comparison.note":
            "{pairs} replikasi berpasangan × {days} hari dengan bilangan acak bersama; selang 95% dari selisih "
            + "(teroptimasi − saat ini).",
        "schedule.column.metric": "metrik",
        "schedule.column.difference": "selisih",
        "schedule.column.interval95": "selang 95%",
        "schedule.column.verdict": "kesimpulan",
        "schedule.verdict.a_better": "saat ini lebih baik",
        "schedule.verdict.b_better": "teroptimasi lebih baik",
        "schedule.metric.booked.wait_minutes": "Rata-rata waktu tunggu pemohon dengan pemesanan (menit)",
        "schedule.metric.booked.wait_minutes.p90": "Waktu tunggu 9 dari 10 pemohon dengan pemesanan (menit)",
        "schedule.metric.walk_in.wait_minutes": "Rata-rata waktu tunggu pemohon tanpa pemesanan (menit)",
        "schedule.metric.walk_in.wait_minutes.p90": "Waktu tunggu 9 dari 10 pemohon tanpa pemesanan (menit)",
        "schedule.metric.all.wait_minutes": "Rata-rata waktu tunggu semua pemohon yang menunggu (menit)",
        "schedule.metric.idle_counter_minutes_per_day": "Waktu loket menganggur per hari buka (menit-loket)",
        "schedule.metric.overtime_minutes_per_day": "Menit setelah jam tutup per hari buka",
        "schedule.metric.turned_away": "Tidak terlayani (pulang, berhenti menunggu, atau ditolak)",
        "schedule.metric.booking_refused": "Pemesanan ditolak",
        "schedule.metric.served": "Pemohon dilayani",
        "schedule.metric.objective": "Nilai sasaran",
        "schedule.weekday.monday": "Senin",
        "schedule.weekday.tuesday": "Selasa",
        "schedule.weekday.wednesday": "Rabu",
        "schedule.weekday.thursday": "Kamis",
        "schedule.weekday.friday": "Jumat",
        "schedule.weekday.saturday": "Sabtu",
        "schedule.weekday.sunday": "Minggu",
    ]
}
