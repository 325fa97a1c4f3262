package scale

import "slices"

// culture is where a guest comes from: the names they carry (as they write them, in
// their own script or with their accents, and a Latin form for their e-mail), their
// language, phone country and mail providers.
type culture struct {
	weight           int
	male, female     []string // "Latin|native" when the name has a native-script form
	family           []string
	familyM, familyF []string // gendered family names (Ivanov/Ivanova)
	mono             []string // people known by one name only
	monoShare        float64
	native           float64 // share who write their name in their own script
	umlauts          bool    // Germans write ü as ue in addresses
	indonesian       bool    // Bapak/Ibu
	lang             []choice
	phones           []choice // region codes
	domains          []choice
}

var commonMail = []choice{{"gmail.com", 40}, {"outlook.com", 8}, {"hotmail.com", 6}, {"icloud.com", 5}, {"yahoo.com", 5}}

func mail(local ...choice) []choice { return slices.Concat(commonMail, local) }

// cultures are weighted like the guest mix of a casino resort in Indonesia: domestic
// guests first, then the region's players, then long-haul leisure guests.
var cultures = []*culture{
	{weight: 34, indonesian: true, monoShare: 0.06,
		male: []string{"Budi", "Agus", "Andi", "Joko", "Hendra", "Rudi", "Eko", "Dedi", "Bambang", "Wahyu", "Rizky",
			"Dimas", "Fajar", "Arif", "Yusuf", "Ahmad", "Muhammad", "Teguh", "Hadi", "Irfan", "Bayu", "Reza", "Aditya",
			"Galih", "Taufik", "Ilham", "Yoga", "Kevin", "Steven", "Yohanes", "Wayan", "Made", "Ketut", "Gede",
			"Putu", "Rahmat", "Hendrik", "Adi", "Gilang", "Anton", "Surya", "Dwi", "Indra", "Fikri", "Hafiz"},
		female: []string{"Siti", "Dewi", "Sri", "Ani", "Rina", "Wati", "Fitri", "Nur", "Putri", "Ayu", "Intan",
			"Maya", "Ratna", "Indah", "Nia", "Rini", "Yuni", "Dian", "Kartika", "Anisa", "Nadia", "Melati", "Mega",
			"Citra", "Wulan", "Luh", "Novita", "Yulia", "Sinta", "Eka", "Diah", "Lina", "Vivian", "Cindy", "Retno",
			"Endang", "Tri", "Kurnia", "Aisyah", "Zahra", "Nabila", "Salsabila"},
		family: []string{"Siregar", "Nasution", "Simanjuntak", "Harahap", "Lubis", "Sinaga", "Hutapea", "Tanjung",
			"Halim", "Wijaya", "Gunawan", "Tanoto", "Salim", "Hartono", "Sudarsana", "Suryadi", "Sitompul", "Manurung",
			"Pangaribuan", "Lim", "Tan", "Kusuma", "Purnama", "Setiadi", "Sudirman", "Pohan", "Panjaitan", "Ginting",
			"Tarigan", "Surbakti", "Wirawan", "Adiputra", "Sanjaya", "Effendi", "Chandra", "Widjaja"},
		familyM: []string{"Santoso", "Pratama", "Saputra", "Setiawan", "Nugroho", "Wibowo", "Hidayat", "Kurniawan",
			"Susanto", "Prasetyo", "Firmansyah", "Ramadhan", "Hermawan", "Wicaksono", "Siswanto", "Purnomo",
			"Haryanto", "Syahputra", "Hakim", "Darmawan"},
		familyF: []string{"Rahayu", "Lestari", "Handayani", "Wulandari", "Sari", "Anggraini", "Maharani", "Rahmawati",
			"Fitriani", "Utami", "Puspitasari", "Kusumawati", "Safitri", "Permatasari", "Wahyuni", "Susanti"},
		mono:   []string{"Sukarman", "Suparman", "Sutrisno", "Slamet", "Mulyono", "Suwarno", "Sumarni", "Sulastri", "Sumiati", "Sunarti"},
		lang:   []choice{{"id", 60}, {"en", 6}, {"", 34}},
		phones: []choice{{"ID", 96}, {"SG", 2}, {"MY", 1}, {"AU", 1}},
		domains: mail(choice{"yahoo.co.id", 18}, choice{"ymail.com", 3}, choice{"suryaabadi.co.id", 3},
			choice{"nusantaraenergi.co.id", 2}, choice{"bankmandala.co.id", 2}, choice{"telkom.net", 2})},
	{weight: 15, native: 0.45,
		male: []string{"Wei|伟", "Jun|军", "Hao|浩", "Lei|磊", "Jie|杰", "Tao|涛", "Ming|明", "Qiang|强", "Yong|勇",
			"Jian|健", "Bin|斌", "Peng|鹏", "Hui|辉", "Long|龙", "Zhiwei|志伟", "Jianguo|建国", "Haoran|浩然",
			"Yuxuan|宇轩", "Zihao|子豪", "Junjie|俊杰", "Kai|凯", "Xin|鑫", "Chao|超", "Dong|东"},
		female: []string{"Fang|芳", "Na|娜", "Min|敏", "Jing|静", "Li|丽", "Yan|燕", "Xiu Ying|秀英", "Xia|霞",
			"Ping|萍", "Hong|红", "Yu|玉", "Lan|兰", "Mei|梅", "Ting|婷", "Xue|雪", "Lin|琳", "Qian|倩",
			"Yuting|雨婷", "Xinyi|欣怡", "Shuang|爽", "Hui Min|慧敏", "Jia|佳"},
		family: []string{"Wang|王", "Li|李", "Zhang|张", "Liu|刘", "Chen|陈", "Yang|杨", "Huang|黄", "Zhao|赵",
			"Wu|吴", "Zhou|周", "Xu|徐", "Sun|孙", "Ma|马", "Zhu|朱", "Hu|胡", "Guo|郭", "He|何", "Lin|林",
			"Luo|罗", "Gao|高", "Zheng|郑", "Liang|梁", "Xie|谢", "Song|宋", "Tang|唐", "Han|韩", "Feng|冯"},
		lang:    []choice{{"zh", 80}, {"en", 10}, {"", 10}},
		phones:  []choice{{"CN", 80}, {"HK", 12}, {"TW", 8}},
		domains: []choice{{"qq.com", 35}, {"163.com", 25}, {"126.com", 10}, {"sina.com", 5}, {"gmail.com", 15}, {"outlook.com", 5}}},
	{weight: 8,
		male: []string{"Wei Ming", "Jun Jie", "Kok Leong", "Chee Keong", "Boon Hock", "Siew Wah", "Ahmad Faizal",
			"Muhammad Hafiz", "Rajesh", "Suresh", "Darren", "Marcus", "Jonathan", "Ryan", "Aaron", "Benjamin"},
		female: []string{"Mei Ling", "Hui Min", "Siew Lan", "Pei Shan", "Xin Yi", "Nurul Ain", "Siti Aishah",
			"Priya", "Kavitha", "Rachel", "Michelle", "Jasmine", "Cheryl", "Natalie"},
		family: []string{"Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Chan", "Koh", "Teo", "Ang",
			"Yeo", "Tay", "Ho", "Low", "Toh", "Sim", "Chong", "Abdullah", "Ismail", "Rahman", "Kumar", "Pillai"},
		lang:    []choice{{"en", 60}, {"zh", 20}, {"ms", 15}, {"", 5}},
		phones:  []choice{{"SG", 55}, {"MY", 45}},
		domains: mail(choice{"singnet.com.sg", 8}, choice{"yahoo.com.sg", 6}, choice{"gov.sg", 2}, choice{"streamyx.com", 3})},
	{weight: 5, native: 0.4,
		male: []string{"Hiroshi|浩", "Takashi|隆", "Kenji|健二", "Daisuke|大輔", "Yuki|雄紀", "Shota|翔太", "Haruto|陽翔",
			"Ren|蓮", "Sota|蒼太", "Kazuki|和樹", "Takumi|拓海", "Ryo|涼", "Kenta|健太", "Naoki|直樹", "Satoshi|聡"},
		female: []string{"Yuko|裕子", "Akiko|明子", "Yui|結衣", "Aoi|葵", "Sakura|さくら", "Haruka|遥", "Misaki|美咲",
			"Nanami|七海", "Emi|恵美", "Keiko|恵子", "Mai|舞", "Rina|里奈", "Ayaka|彩花", "Noriko|典子"},
		family: []string{"Sato|佐藤", "Suzuki|鈴木", "Takahashi|高橋", "Tanaka|田中", "Watanabe|渡辺", "Ito|伊藤",
			"Yamamoto|山本", "Nakamura|中村", "Kobayashi|小林", "Kato|加藤", "Yoshida|吉田", "Yamada|山田",
			"Sasaki|佐々木", "Matsumoto|松本", "Inoue|井上", "Kimura|木村", "Shimizu|清水", "Hayashi|林"},
		lang:    []choice{{"ja", 85}, {"en", 10}, {"", 5}},
		phones:  []choice{{"JP", 100}},
		domains: mail(choice{"docomo.ne.jp", 15}, choice{"yahoo.co.jp", 20}, choice{"ezweb.ne.jp", 8}, choice{"softbank.ne.jp", 6})},
	{weight: 6, native: 0.35,
		male: []string{"Min-jun|민준", "Seo-jun|서준", "Ji-ho|지호", "Joon-ho|준호", "Hyun-woo|현우", "Sung-min|성민",
			"Dong-hyun|동현", "Jae-won|재원", "Young-soo|영수", "Sang-hoon|상훈", "Tae-yang|태양", "Woo-jin|우진"},
		female: []string{"Seo-yeon|서연", "Ji-woo|지우", "Min-seo|민서", "Soo-jin|수진", "Ji-young|지영", "Eun-ji|은지",
			"Hye-jin|혜진", "Yu-na|유나", "Da-eun|다은", "Mi-kyung|미경", "Ha-eun|하은", "So-yeon|소연"},
		family: []string{"Kim|김", "Lee|이", "Park|박", "Choi|최", "Jung|정", "Kang|강", "Cho|조", "Yoon|윤",
			"Jang|장", "Lim|임", "Han|한", "Oh|오", "Seo|서", "Shin|신", "Kwon|권", "Hwang|황"},
		lang:    []choice{{"ko", 85}, {"en", 10}, {"", 5}},
		phones:  []choice{{"KR", 100}},
		domains: mail(choice{"naver.com", 35}, choice{"daum.net", 15}, choice{"hanmail.net", 10}, choice{"kakao.com", 5})},
	{weight: 3, native: 0.5,
		male: []string{"Somchai|สมชาย", "Somsak|สมศักดิ์", "Anan|อนันต์", "Prasert|ประเสริฐ", "Kittisak|กิตติศักดิ์",
			"Thanawat|ธนวัฒน์", "Chaiwat|ชัยวัฒน์", "Niran|นิรันดร์"},
		female: []string{"Siriporn|ศิริพร", "Malee|มาลี", "Nattaya|ณัฐยา", "Kanya|กัญญา", "Pimchanok|พิมพ์ชนก",
			"Araya|อารยา", "Wanida|วนิดา", "Supaporn|สุภาพร"},
		family: []string{"Srisuk|ศรีสุข", "Saetang|แซ่ตั้ง", "Wongsawat|วงศ์สวัสดิ์", "Chaiyaporn|ชัยพร",
			"Rattanakorn|รัตนากร", "Boonmee|บุญมี", "Thongchai|ธงชัย", "Kaewkla|แก้วกล้า", "Phromma|พรหมมา"},
		lang:    []choice{{"th", 85}, {"en", 10}, {"", 5}},
		phones:  []choice{{"TH", 100}},
		domains: mail(choice{"hotmail.co.th", 10}, choice{"truemail.co.th", 5})},
	{weight: 3,
		male: []string{"Văn Minh", "Đức Anh", "Quốc Huy", "Thành Long", "Hoàng Nam", "Minh Tuấn", "Văn Hùng", "Gia Bảo",
			"Hữu Phước", "Quang Vinh"},
		female: []string{"Thị Lan", "Thu Hà", "Ngọc Anh", "Thị Hương", "Phương Linh", "Thanh Thảo", "Mai Anh",
			"Thị Mai", "Bảo Ngọc", "Thùy Dung"},
		family: []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
			"Đỗ", "Hồ", "Ngô", "Dương", "Lý"},
		lang:    []choice{{"vi", 85}, {"en", 10}, {"", 5}},
		phones:  []choice{{"VN", 100}},
		domains: mail(choice{"yahoo.com.vn", 15}, choice{"fpt.vn", 5})},
	{weight: 4, native: 0.15,
		male: []string{"Rahul|राहुल", "Amit|अमित", "Rajesh|राजेश", "Vikram|विक्रम", "Arjun|अर्जुन", "Sanjay|संजय",
			"Anil|अनिल", "Rohan|रोहन", "Aditya|आदित्य", "Karthik", "Venkatesh", "Suresh", "Imran", "Harpreet"},
		female: []string{"Priya|प्रिया", "Anjali|अंजलि", "Neha|नेहा", "Pooja|पूजा", "Sunita|सुनीता", "Kavya|काव्या",
			"Divya|दिव्या", "Lakshmi", "Meenakshi", "Ayesha", "Simran", "Deepika|दीपिका"},
		family: []string{"Sharma|शर्मा", "Verma|वर्मा", "Gupta|गुप्ता", "Singh|सिंह", "Kumar|कुमार", "Patel|पटेल",
			"Reddy", "Iyer", "Nair", "Menon", "Rao", "Joshi|जोशी", "Mehta|मेहता", "Chopra", "Kapoor|कपूर", "Khan"},
		lang:    []choice{{"hi", 30}, {"en", 60}, {"", 10}},
		phones:  []choice{{"IN", 100}},
		domains: mail(choice{"rediffmail.com", 10}, choice{"yahoo.co.in", 10})},
	{weight: 3,
		male:    []string{"Jose", "Juan", "Mark", "John Paul", "Rodel", "Jerome", "Christian", "Paolo", "Rafael", "Miguel"},
		female:  []string{"Maria", "Kristine", "Joy", "Angelica", "Mary Grace", "Jasmine", "Rowena", "Lovely", "Princess", "Rochelle"},
		family:  []string{"Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Dela Cruz", "Villanueva", "Ramos", "Aquino", "Castillo"},
		lang:    []choice{{"en", 90}, {"", 10}},
		phones:  []choice{{"PH", 100}},
		domains: mail(choice{"yahoo.com.ph", 10})},
	{weight: 2, native: 0.3,
		male: []string{"Mohammed|محمد", "Ahmed|أحمد", "Abdullah|عبدالله", "Khalid|خالد", "Omar|عمر", "Faisal|فيصل",
			"Hassan|حسن", "Saeed|سعيد", "Sultan|سلطان"},
		female: []string{"Fatima|فاطمة", "Aisha|عائشة", "Mariam|مريم", "Noura|نورة", "Layla|ليلى", "Huda|هدى",
			"Reem|ريم", "Sara|سارة"},
		family: []string{"Al-Rashid|الراشد", "Al-Mansouri|المنصوري", "Al-Hashimi|الهاشمي", "Al-Qahtani|القحطاني",
			"Al-Farsi|الفارسي", "Haddad|حداد", "Al-Otaibi|العتيبي", "Al-Maktoum|المكتوم", "Al-Suwaidi|السويدي"},
		lang:    []choice{{"ar", 70}, {"en", 25}, {"", 5}},
		phones:  []choice{{"AE", 55}, {"SA", 45}},
		domains: mail()},
	{weight: 3, native: 0.5,
		male: []string{"Dmitry|Дмитрий", "Alexei|Алексей", "Sergei|Сергей", "Andrei|Андрей", "Ivan|Иван",
			"Mikhail|Михаил", "Nikolai|Николай", "Vladimir|Владимир", "Pavel|Павел", "Artyom|Артём"},
		female: []string{"Olga|Ольга", "Natalia|Наталья", "Elena|Елена", "Anna|Анна", "Tatiana|Татьяна",
			"Irina|Ирина", "Svetlana|Светлана", "Yulia|Юлия", "Ekaterina|Екатерина", "Anastasia|Анастасия"},
		familyM: []string{"Ivanov|Иванов", "Smirnov|Смирнов", "Kuznetsov|Кузнецов", "Popov|Попов", "Sokolov|Соколов",
			"Lebedev|Лебедев", "Kozlov|Козлов", "Novikov|Новиков", "Morozov|Морозов", "Volkov|Волков"},
		familyF: []string{"Ivanova|Иванова", "Smirnova|Смирнова", "Kuznetsova|Кузнецова", "Popova|Попова",
			"Sokolova|Соколова", "Lebedeva|Лебедева", "Kozlova|Козлова", "Novikova|Новикова", "Morozova|Морозова"},
		lang:    []choice{{"ru", 90}, {"en", 5}, {"", 5}},
		phones:  []choice{{"RU", 100}},
		domains: mail(choice{"mail.ru", 30}, choice{"yandex.ru", 25}, choice{"rambler.ru", 5})},
	{weight: 8,
		male: []string{"James", "John", "Michael", "David", "William", "Thomas", "Daniel", "Matthew", "Andrew",
			"Christopher", "Joshua", "Ryan", "Jack", "Oliver", "Liam", "Noah", "Ethan", "Benjamin", "Samuel", "Lucas"},
		female: []string{"Emma", "Olivia", "Sophie", "Charlotte", "Emily", "Jessica", "Sarah", "Hannah", "Amelia",
			"Grace", "Chloe", "Lucy", "Megan", "Isabella", "Ava", "Mia", "Zoe", "Ruby", "Lily", "Madison"},
		family: []string{"Smith", "Jones", "Williams", "Brown", "Taylor", "Wilson", "Johnson", "Davies", "Miller",
			"Anderson", "Thompson", "White", "Harris", "Martin", "Walker", "Wright", "Robinson", "Clarke", "Hughes",
			"Edwards", "Green", "Hall", "Wood", "O'Brien", "O'Connor", "McDonald", "Campbell", "Stewart", "Kelly", "Murphy"},
		lang:    []choice{{"en", 90}, {"", 10}},
		phones:  []choice{{"AU", 45}, {"GB", 30}, {"US", 20}, {"NZ", 5}},
		domains: mail(choice{"bigpond.com", 8}, choice{"btinternet.com", 5}, choice{"optusnet.com.au", 4}, choice{"comcast.net", 3})},
	{weight: 2, umlauts: true,
		male: []string{"Lukas", "Jürgen", "Günter", "Matthias", "Stefan", "Maximilian", "Jörg", "Sören", "Björn", "Klaus",
			"Florian", "Tobias"},
		female: []string{"Anna", "Jördis", "Lena", "Sophie", "Käthe", "Jana", "Bärbel", "Ursula", "Sabine", "Katrin", "Hannah", "Marlene"},
		family: []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Schröder", "Köhler", "Groß", "Krüger",
			"Hoffmann", "Schäfer", "Böhm", "Jäger", "Wagner", "Becker", "Größer", "Vogel", "Löw"},
		lang:    []choice{{"de", 85}, {"en", 10}, {"", 5}},
		phones:  []choice{{"DE", 80}, {"AT", 10}, {"CH", 10}},
		domains: mail(choice{"web.de", 15}, choice{"gmx.de", 15}, choice{"t-online.de", 10}, choice{"gmx.at", 3})},
	{weight: 2,
		male: []string{"François", "Jérôme", "Étienne", "Léo", "Gaël", "Hervé", "Benoît", "Théo", "Raphaël", "Loïc", "Mathéo", "Cédric"},
		female: []string{"Hélène", "Chloé", "Léa", "Zoé", "Amélie", "Inès", "Océane", "Noémie", "Mélanie", "Céline",
			"Élodie", "Maëlle"},
		family: []string{"Lefèvre", "Lefebvre", "Dubois", "Moreau", "Laurent", "Fournier", "Girard", "Bonnet", "Lambert",
			"Rousseau", "Mercier", "Faure", "Chevalier", "Besançon", "Dupré", "Garçon", "Lemaître", "Bézier"},
		lang:    []choice{{"fr", 85}, {"en", 10}, {"", 5}},
		phones:  []choice{{"FR", 85}, {"BE", 15}},
		domains: mail(choice{"orange.fr", 15}, choice{"free.fr", 10}, choice{"laposte.net", 5}, choice{"wanadoo.fr", 5})},
	{weight: 2,
		male: []string{"José", "Jesús", "Ángel", "Andrés", "Martín", "Nicolás", "Sebastián", "Tomás", "Joaquín",
			"Rubén", "Iván", "Álvaro", "João", "Gonçalo", "Simão"},
		female: []string{"María", "Lucía", "Sofía", "Valentina", "Inés", "Mónica", "Verónica", "Begoña", "Raquel",
			"Ana", "Conceição", "Leonor", "Beatriz"},
		family: []string{"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
			"Gómez", "Muñoz", "Jiménez", "Ibáñez", "Peña", "Núñez", "Gonçalves", "Conceição", "Magalhães", "Simões"},
		lang:    []choice{{"es", 70}, {"pt", 20}, {"", 10}},
		phones:  []choice{{"ES", 45}, {"MX", 20}, {"BR", 20}, {"PT", 15}},
		domains: mail(choice{"telefonica.net", 5}, choice{"uol.com.br", 5}, choice{"sapo.pt", 5})},
	{weight: 1,
		male:   []string{"Mehmet", "Mustafa", "Ahmet", "Emre", "Barış", "Oğuz", "Çağrı", "Şükrü", "İsmail"},
		female: []string{"Ayşe", "Fatma", "Zeynep", "Elif", "Gülşen", "Şule", "Özlem", "Çiğdem", "İpek"},
		family: []string{"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir",
			"Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç", "Kurt", "Özkan", "Şimşek"},
		lang:    []choice{{"tr", 85}, {"en", 10}, {"", 5}},
		phones:  []choice{{"TR", 100}},
		domains: mail(choice{"yandex.com.tr", 5})},
	{weight: 2,
		male: []string{"Łukasz", "Paweł", "Michał", "Krzysztof", "Søren", "Jørgen", "Åke", "Björn", "Mikko", "Jiří",
			"Dvořák", "Tomáš"},
		female: []string{"Małgorzata", "Agnieszka", "Katarzyna", "Żaneta", "Åsa", "Ingrid", "Sigrún", "Märta",
			"Anniken", "Tereza", "Zuzana", "Kateřina"},
		family: []string{"Wójcik", "Kowalczyk", "Nowak", "Wiśniewski", "Dąbrowski", "Jørgensen", "Sørensen",
			"Åström", "Lindqvist", "Østergaard", "Nyström", "Novák", "Dvořák", "Černý", "Svoboda", "Häkkinen", "Virtanen"},
		lang:    []choice{{"en", 70}, {"", 30}},
		phones:  []choice{{"PL", 35}, {"SE", 20}, {"DK", 15}, {"NO", 10}, {"CZ", 10}, {"FI", 10}},
		domains: mail(choice{"wp.pl", 10}, choice{"seznam.cz", 5}, choice{"telia.com", 5})},
}

// cultureWeights is the running total of culture weights, for drawing one.
var cultureWeights = func() []int {
	out := make([]int, len(cultures))
	total := 0
	for i, c := range cultures {
		total += c.weight
		out[i] = total
	}
	return out
}()

func (r *rng) culture() *culture {
	n := r.IntN(cultureWeights[len(cultureWeights)-1])
	for i, w := range cultureWeights {
		if n < w {
			return cultures[i]
		}
	}
	return cultures[0]
}
