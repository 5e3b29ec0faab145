/**
 * The judged relevance set's documents: invented teaching resources in 简体 (S), 繁體 Hong Kong (H),
 * 繁體 Macao (M) and English (E), grouped by topic. Judgements (relevance-queries.ts) are given per topic,
 * written from what a teacher searching would want, not from what the ranker returns.
 *
 * Each line: [locale, title, summary, body?]. Bodies are short; where a body mentions another topic in
 * passing, that is on purpose (a passing mention is not what a teacher is looking for).
 */
import type { GradeBand, Subject } from '../../src/shared/library.ts';

export type Locale = 'S' | 'H' | 'M' | 'E';
export interface Topic {
  id: string;
  subject: Subject;
  grade: GradeBand;
  docs: [Locale, string, string, string?][];
}

export const TOPICS: Topic[] = [
  {
    id: 'robot-line',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '机器人巡线编程', '用图形化编程让机器人沿黑线行驶，认识光电传感器。', '学生分组调试程序，比较不同速度下的巡线效果。'],
      ['S', '机器人编程入门：让小车动起来', '初中信息科技课，学习电机控制和顺序结构。', '从前进、后退、转弯开始，逐步完成绕障任务。'],
      ['H', '機械人編程入門', '以積木式程式控制機械人，完成巡線任務。', '學生分組設計程式，讓機械人沿黑線前進，並以感應器避開障礙。'],
      ['M', '機械人巡線挑戰', '學生分組編寫程式，讓機械人沿黑線前進並避開障礙。', '課堂最後進行計時賽，檢討程式的改進方法。'],
      [
        'E',
        'Robot Programming Basics: Line Following',
        'Students program a small robot to follow a black line using light sensors.',
        'Teams test and debug their programs on a practice track.',
      ],
    ],
  },
  {
    id: 'robot-competition',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '机器人竞赛备赛指导', '为高中机器人竞赛设计训练计划与评分标准。', '包括结构搭建、编程策略和赛前检查清单。'],
      ['H', '機械人比賽培訓計劃', '為高中學生準備機械人比賽，包括結構設計與策略。', '附賽前檢查清單及團隊分工建議。'],
    ],
  },
  {
    id: 'chatbot',
    subject: 'ai',
    grade: 'senior',
    docs: [
      [
        'S',
        '做一个校园聊天机器人',
        '用大语言模型接口制作回答校园问题的聊天机器人，讨论其局限。',
        '学生测试聊天机器人的回答，记录错误并分析原因。',
      ],
      ['H', '設計聊天機械人：校園問答', '學生設計聊天機械人回答常見問題，並討論私隱。', '測試不同提問方式，比較聊天機械人的回應。'],
      ['E', 'Build a School Chatbot', 'Pupils design a chatbot that answers questions about school life and test its limits.'],
    ],
  },
  {
    id: 'ml-intro',
    subject: 'ai',
    grade: 'senior',
    docs: [
      ['S', '机器学习初步：让电脑学会分类', '通过水果分类的例子理解训练数据、特征和模型。'],
      ['S', '机器学习中的过拟合', '用简单的曲线拟合实验解释过拟合与泛化。', '比较训练集和测试集上的误差。'],
      ['H', '機器學習入門：分類與預測', '以水果分類為例，認識訓練數據與模型。'],
      ['M', '機器學習體驗課', '學生用網頁工具訓練圖像分類模型，觀察數據對結果的影響。'],
      ['E', 'Introduction to Machine Learning', 'Students train a simple classifier and discuss how training data shapes predictions.'],
    ],
  },
  {
    id: 'image-recognition',
    subject: 'ai',
    grade: 'junior',
    docs: [
      ['S', '图像识别：电脑怎样看懂图片', '用在线工具体验图像识别，认识像素与特征。'],
      ['H', '圖像識別：電腦如何看圖', '認識像素、特徵和卷積的基本概念。'],
      ['E', 'How Computers Recognise Images', 'An introduction to image recognition with pixels and features.'],
    ],
  },
  {
    id: 'speech-recognition',
    subject: 'ai',
    grade: 'primary',
    docs: [
      ['S', '语音识别小实验', '小学生体验语音识别，比较不同口音的识别效果。'],
      ['H', '語音識別體驗', '小學生試用語音識別，討論廣東話與普通話的識別差異。'],
    ],
  },
  {
    id: 'ai-ethics',
    subject: 'ai',
    grade: 'senior',
    docs: [
      ['S', '人工智能伦理：谁为算法负责', '讨论自动驾驶和招聘算法案例，理解公平与责任。'],
      ['S', '人工智能伦理辩论课', '围绕人脸识别在校园的使用组织辩论。', '正反双方准备论据，教师引导讨论隐私与安全的平衡。'],
      ['H', '人工智能倫理：演算法與公平', '透過個案討論演算法偏見及問責。'],
      ['M', '人工智能倫理討論課', '學生分析人工智能在生活中的應用，思考私隱與公平問題。'],
      ['E', 'AI Ethics: Fairness and Accountability', 'Case studies on algorithmic bias, fairness and who is responsible.'],
    ],
  },
  {
    id: 'sorting',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '排序算法可视化', '用动画比较冒泡排序和快速排序的效率。'],
      ['H', '排序演算法：冒泡排序與快速排序', '以動畫比較不同排序演算法的步驟與效率。'],
      ['E', 'Sorting Algorithms Visualised', 'Compare bubble sort and quicksort with animations and step counts.'],
    ],
  },
  {
    id: 'python',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', 'Python程序设计：变量与循环', '通过猜数字游戏学习变量、条件和循环。'],
      ['M', '程式設計基礎：變數與迴圈', '以 Python 學習程式設計的基本概念，完成計算器程式。'],
      ['H', 'Python 程式設計入門', '由變數、條件到迴圈，逐步完成小遊戲。'],
      ['E', 'Python Programming: Variables and Loops', 'Learn variables, conditions and loops by writing a number guessing game.'],
    ],
  },
  {
    id: 'debugging',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '程序调试技巧', '学会阅读错误信息，用打印语句和断点调试程序。'],
      ['H', '程式除錯技巧', '學習閱讀錯誤訊息，以中斷點逐步除錯。'],
    ],
  },
  {
    id: 'scratch',
    subject: 'information-technology',
    grade: 'primary',
    docs: [
      ['S', 'Scratch编程：制作接苹果游戏', '小学生用Scratch制作小游戏，学习事件与坐标。'],
      ['H', 'Scratch 編程：接蘋果遊戲', '小學生以 Scratch 製作遊戲，認識事件和座標。'],
      ['E', 'Scratch Game Design for Beginners', 'Primary pupils make a catching game in Scratch and learn about events.'],
    ],
  },
  {
    id: 'video-editing',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '视频剪辑入门', '学习剪辑软件的时间线、转场和字幕。'],
      ['S', '用手机拍摄和剪辑短视频', '学生用手机拍摄校园短视频并完成剪辑。'],
      ['H', '影片剪接入門', '認識剪接軟件的時間線、轉場效果與字幕。'],
      ['M', '校園短片製作', '學生分組拍攝校園短片，學習剪接與配樂。'],
    ],
  },
  {
    id: 'science-video',
    subject: 'science',
    grade: 'primary',
    docs: [
      ['S', '拍摄科学实验视频', '学生记录实验过程并制作成视频报告。'],
      ['H', '製作科普影片', '學生拍攝及剪接科普影片，介紹日常生活中的物理現象。'],
    ],
  },
  {
    id: 'video-conference',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '视频会议礼仪与安全', '远程教学中使用视频会议的礼仪与隐私设置。'],
      ['H', '視像會議禮儀', '遙距教學時使用視像會議的禮儀與私隱設定。'],
    ],
  },
  {
    id: 'software-install',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '常用软件的安装与卸载', '认识应用程序的安装、更新和卸载。'],
      ['H', '軟件安裝與解除安裝', '學習安裝、更新及解除安裝應用程式。'],
    ],
  },
  {
    id: 'hardware',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '认识电脑硬件：内存与硬盘', '拆解旧电脑，认识处理器、内存和硬盘。'],
      ['H', '認識電腦硬件：記憶體與硬碟', '拆解舊電腦，認識處理器、記憶體及硬碟。'],
      ['M', '電腦硬件大拆解', '認識主機板、記憶體與儲存裝置。'],
    ],
  },
  {
    id: 'network',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '计算机网络基础', '认识局域网、IP地址和路由器。'],
      ['H', '電腦網絡基礎', '認識區域網絡、IP 位址及路由器。'],
      ['E', 'Computer Networks Basics', 'IP addresses, routers and how data travels across a local area network.'],
    ],
  },
  {
    id: 'info-security',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '信息安全与密码设置', '学习设置强密码，识别钓鱼邮件。'],
      ['H', '資訊保安：密碼與網絡釣魚', '學習設定強密碼，識別網絡釣魚電郵。'],
      ['M', '資訊保安小衛士', '小學生認識密碼安全與個人資料保護。'],
    ],
  },
  {
    id: 'privacy',
    subject: 'moral-education',
    grade: 'junior',
    docs: [
      ['S', '保护个人信息', '讨论社交媒体上的个人信息泄露风险。'],
      ['H', '保障個人資料私隱', '討論社交媒體上洩露個人資料的風險。'],
    ],
  },
  {
    id: 'digital-literacy',
    subject: 'moral-education',
    grade: 'junior',
    docs: [
      ['S', '数字素养：辨别网络谣言', '学习核实信息来源，辨别虚假新闻。'],
      ['H', '數碼素養：辨別假新聞', '學習查證資訊來源，辨別網上假消息。'],
      ['E', 'Digital Literacy: Spotting Fake News', 'Check sources and recognise misinformation online.'],
    ],
  },
  {
    id: 'spreadsheet',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '电子表格数据统计', '用电子表格整理班级体测数据并制作图表。'],
      ['H', '試算表數據分析', '以試算表整理體能測試數據並製作圖表。'],
    ],
  },
  {
    id: 'big-data',
    subject: 'math',
    grade: 'senior',
    docs: [
      ['S', '大数据与统计：从数据中发现规律', '用公开数据练习描述统计与可视化。'],
      ['H', '大數據與統計', '以公開數據練習描述統計及數據視覺化。'],
      ['E', 'Exploring Big Data with Statistics', 'Descriptive statistics and charts with open data sets.'],
    ],
  },
  {
    id: 'probability',
    subject: 'math',
    grade: 'junior',
    docs: [
      ['S', '概率初步：掷骰子实验', '通过掷骰子实验理解频率与概率。'],
      ['H', '概率入門：擲骰子實驗', '以擲骰子實驗理解頻率與概率。'],
      ['E', 'Probability with Dice Experiments', 'Relate frequency to probability through dice experiments.'],
    ],
  },
  {
    id: 'multiplication',
    subject: 'math',
    grade: 'primary',
    docs: [
      ['S', '乘法口诀表儿歌', '用儿歌和游戏记忆乘法口诀。'],
      ['H', '乘數表遊戲', '以遊戲和歌曲熟記乘數表。'],
    ],
  },
  {
    id: '3d-printing',
    subject: 'labour',
    grade: 'junior',
    docs: [
      ['S', '3D打印设计笔筒', '用建模软件设计笔筒并3D打印。'],
      ['H', '3D打印：設計筆筒', '以立體建模軟件設計筆筒，再以3D打印製作。'],
    ],
  },
  {
    id: 'laser-cutting',
    subject: 'labour',
    grade: 'senior',
    docs: [
      ['S', '激光切割木工作品', '学习激光切割机的安全操作与设计。'],
      ['H', '鐳射切割木工', '學習鐳射切割機的安全操作與設計。'],
    ],
  },
  {
    id: 'vr',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '虚拟现实校园导览', '学生制作学校的虚拟现实导览。'],
      ['H', '虛擬實境校園導覽', '學生製作學校的虛擬實境導覽。'],
    ],
  },
  {
    id: 'qr-code',
    subject: 'information-technology',
    grade: 'primary',
    docs: [
      ['S', '二维码的秘密', '认识二维码的原理，制作班级二维码名片。'],
      ['H', '二維碼的秘密', '認識二維碼原理，製作班級二維碼名片。'],
    ],
  },
  {
    id: 'project-learning',
    subject: 'science',
    grade: 'junior',
    docs: [
      ['S', '项目式学习：校园垃圾分类', '学生调查校园垃圾并设计分类方案。'],
      ['H', '專題研習：校園廢物分類', '學生調查校園廢物並設計分類方案。'],
    ],
  },
  {
    id: 'tiered-homework',
    subject: 'chinese',
    grade: 'primary',
    docs: [
      ['S', '分层作业设计', '小学语文分层作业的设计与批改。'],
      ['H', '分層功課設計', '小學中文科分層功課的設計與批改。'],
    ],
  },
  {
    id: 'dictation',
    subject: 'chinese',
    grade: 'primary',
    docs: [
      ['H', '默書温習策略', '協助小學生準備默書的温習方法。'],
      ['S', '听写练习小游戏', '用游戏提高小学生听写的准确率。'],
    ],
  },
  {
    id: 'classroom-routines',
    subject: 'moral-education',
    grade: 'primary',
    docs: [
      ['S', '教室常规管理', '新学期建立教室常规的方法。'],
      ['H', '課室常規管理', '新學年建立課室常規的方法。'],
    ],
  },
  {
    id: 'online-learning',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '在线学习平台使用指南', '指导学生使用在线学习平台提交作业。'],
      ['H', '網上學習平台使用指南', '指導學生使用網上學習平台提交功課。'],
    ],
  },
  {
    id: 'arduino-sensor',
    subject: 'science',
    grade: 'senior',
    docs: [
      ['S', 'Arduino传感器实验：测量温度', '用温度传感器采集数据并绘制曲线。'],
      ['H', 'Arduino 感應器實驗：量度溫度', '以溫度感應器收集數據並繪製曲線。'],
      ['E', 'Arduino Sensor Lab: Measuring Temperature', 'Collect temperature data with a sensor and plot it.'],
    ],
  },
  {
    id: 'servo',
    subject: 'labour',
    grade: 'senior',
    docs: [
      ['S', '舵机与电机控制', '用开发板控制舵机转动角度。', '制作一个会挥手的机器人手臂。'],
      ['H', '伺服馬達控制', '以開發板控制伺服馬達的轉動角度。', '製作一隻會揮手的機械人手臂。'],
    ],
  },
  {
    id: 'reading',
    subject: 'english',
    grade: 'junior',
    docs: [
      ['E', 'Reading Circles for Junior Secondary', 'Structured reading circles with roles for each pupil.'],
      ['S', '英语阅读圈教学设计', '初中英语阅读圈活动的角色分工。'],
      ['E', 'Teaching Reading Strategies', 'Skimming, scanning and inference strategies for reading lessons.'],
    ],
  },
  {
    id: 'rope-skipping',
    subject: 'pe',
    grade: 'primary',
    docs: [
      ['S', '小学体育：跳绳训练', '跳绳技巧分解与课堂游戏。'],
      ['H', '小學體育：跳繩訓練', '跳繩技巧分解及課堂遊戲。'],
    ],
  },
  {
    id: 'digital-painting',
    subject: 'arts',
    grade: 'junior',
    docs: [
      ['S', '数字绘画入门', '用平板电脑进行数字绘画创作。'],
      ['H', '數碼繪畫入門', '以平板電腦進行數碼繪畫創作。'],
    ],
  },
  {
    id: 'plastic',
    subject: 'science',
    grade: 'junior',
    docs: [
      ['S', '塑料污染与海洋', '探究塑料垃圾对海洋生物的影响。'],
      ['H', '塑膠污染與海洋', '探究塑膠垃圾對海洋生物的影響。'],
      ['E', 'Plastic Pollution and the Ocean', 'Investigate how plastic waste affects marine life.'],
    ],
  },
  {
    id: 'nutrition',
    subject: 'science',
    grade: 'primary',
    docs: [
      ['S', '维生素与健康饮食', '认识维生素的作用，设计一周健康食谱。'],
      ['H', '維他命與健康飲食', '認識維他命的作用，設計一週健康餐單。'],
    ],
  },
  {
    id: 'neural-network',
    subject: 'ai',
    grade: 'senior',
    docs: [
      ['S', '神经网络是怎样学习的', '用可视化工具观察神经网络的训练过程。'],
      ['H', '神經網絡如何學習', '以視覺化工具觀察神經網絡的訓練過程。'],
      ['E', 'How Neural Networks Learn', 'Watch a neural network train with an interactive visualisation.'],
    ],
  },
  {
    id: 'computational-thinking',
    subject: 'information-technology',
    grade: 'primary',
    docs: [
      ['S', '计算思维：不插电活动', '通过卡片游戏培养分解与抽象能力。'],
      ['H', '運算思維：不插電活動', '以卡片遊戲培養分解及抽象能力。'],
      ['E', 'Computational Thinking Unplugged', 'Card games that practise decomposition and abstraction.'],
    ],
  },
  {
    id: 'teaching-quality',
    subject: 'moral-education',
    grade: 'junior',
    docs: [
      ['S', '课堂教学质量评价量表', '教研组评估课堂教学质量的观察量表。'],
      ['H', '課堂教學質素評估', '評估課堂教學質素的觀課量表。'],
      ['M', '教學質量觀課表', '澳門學校評估教學質量的觀課工具。'],
    ],
  },
  {
    id: 'mobile-app',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '用App Inventor开发手机应用', '学生开发一个记录作业的移动应用。'],
      ['H', '以 App Inventor 開發流動應用程式', '學生開發記錄功課的流動應用程式。'],
    ],
  },
  {
    id: 'database',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '数据库入门：设计图书借阅系统', '学习表、字段和查询。'],
      ['H', '數據庫入門：圖書借閱系統', '學習資料表、欄位及查詢。'],
    ],
  },
  {
    id: 'search-engine',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '搜索引擎的使用技巧', '学习关键词搜索与筛选可信信息。'],
      ['H', '搜尋引擎使用技巧', '學習以關鍵字搜尋及篩選可信資訊。'],
    ],
  },
  {
    id: 'email',
    subject: 'information-technology',
    grade: 'primary',
    docs: [
      ['S', '学写电子邮件', '小学生学习电子邮件的格式与礼仪。'],
      ['H', '學寫電郵', '小學生學習電郵的格式與禮儀。'],
    ],
  },
  {
    id: 'cloud',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '云计算与在线协作', '用云端文档进行小组协作。'],
      ['H', '雲端運算與網上協作', '以雲端文件進行小組協作。'],
    ],
  },
  {
    id: 'slides',
    subject: 'information-technology',
    grade: 'primary',
    docs: [
      ['S', '制作幻灯片演示文稿', '学习幻灯片版式、动画与演讲技巧。'],
      ['H', '製作投影片簡報', '學習投影片版面、動畫及匯報技巧。'],
    ],
  },
  {
    id: 'word-processing',
    subject: 'information-technology',
    grade: 'primary',
    docs: [
      ['S', '文字处理：排版一份班报', '用文字处理软件排版班级小报。'],
      ['H', '文書處理：排版班報', '以文書處理軟件排版班報。'],
    ],
  },
  {
    id: 'smartphone',
    subject: 'moral-education',
    grade: 'junior',
    docs: [
      ['S', '合理使用智能手机', '讨论中学生使用智能手机的时间管理。'],
      ['H', '善用智能手機', '討論中學生使用智能手機的時間管理。'],
      ['M', '智能手機與健康生活', '認識過度使用智能手機對健康的影響。'],
    ],
  },
  {
    id: 'open-source',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '开源软件与源代码阅读', '阅读开源项目的源代码，了解协作开发。'],
      ['H', '開源軟件與源代碼閱讀', '閱讀開源項目的源代碼，了解協作開發。'],
    ],
  },
  {
    id: 'deep-learning',
    subject: 'ai',
    grade: 'senior',
    docs: [
      ['S', '深度学习与图像生成', '了解深度学习如何生成图像，讨论版权问题。'],
      ['E', 'Deep Learning and Image Generation', 'How generative models create images, and questions of copyright.'],
    ],
  },
  {
    id: 'binary',
    subject: 'information-technology',
    grade: 'junior',
    docs: [
      ['S', '二进制与数的表示', '用卡片理解二进制和比特。'],
      ['H', '二進制與位元', '以卡片理解二進制及位元的概念。'],
      ['E', 'Binary Numbers and Bits', 'Understand binary with cards and count in bits.'],
    ],
  },
  {
    id: 'ar',
    subject: 'chinese',
    grade: 'primary',
    docs: [
      ['S', '增强现实识字卡', '用增强现实识字卡帮助低年级识字。'],
      ['H', '擴增實境識字卡', '以擴增實境字卡幫助初小學生識字。'],
    ],
  },
  {
    id: 'school-bus',
    subject: 'moral-education',
    grade: 'primary',
    docs: [
      ['S', '乘坐校车安全教育', '校车上的安全规则与应急演练。'],
      ['H', '乘搭校巴安全', '校巴上的安全守則及緊急演習。'],
    ],
  },
  {
    id: 'bicycle',
    subject: 'pe',
    grade: 'junior',
    docs: [
      ['S', '自行车骑行安全', '认识交通规则与骑行头盔的重要性。'],
      ['H', '單車安全', '認識交通規則及戴頭盔的重要。'],
    ],
  },
  {
    id: 'food-waste',
    subject: 'labour',
    grade: 'primary',
    docs: [
      ['S', '食堂光盘行动', '减少食堂剩饭剩菜的班级行动。'],
      ['H', '飯堂減少廚餘', '減少飯堂廚餘的班級行動。'],
    ],
  },
  {
    id: 'algorithm-daily',
    subject: 'information-technology',
    grade: 'primary',
    docs: [
      ['S', '生活中的算法：做一份早餐', '用做早餐的步骤理解算法与顺序。'],
      ['H', '生活中的演算法', '以準備早餐的步驟理解演算法。'],
    ],
  },
  {
    id: 'ui-design',
    subject: 'information-technology',
    grade: 'senior',
    docs: [
      ['S', '用户界面设计原则', '学习按钮、菜单和图标的设计原则。'],
      ['H', '用戶介面設計原則', '學習按鈕、選單及圖示的設計原則。'],
    ],
  },
];

/**
 * Background documents no query is about: ordinary lessons of other subjects, in both scripts, sharing
 * common words (课堂, 学生, 设计, 数据…) with the judged ones, so that matching on common words is punished.
 */
const BACKGROUND: [Subject, GradeBand, string, string, string][] = [
  ['chinese', 'junior', '古诗鉴赏：送别诗', '古詩鑑賞：送別詩'],
  ['chinese', 'primary', '看图写话训练', '看圖寫話訓練'],
  ['chinese', 'senior', '议论文写作：论点与论据', '議論文寫作：論點與論據'],
  ['math', 'primary', '分数的加减法', '分數的加減法'],
  ['math', 'junior', '一元一次方程应用题', '一元一次方程應用題'],
  ['math', 'senior', '函数图像与性质', '函數圖像與性質'],
  ['math', 'junior', '几何证明入门', '幾何證明入門'],
  ['science', 'junior', '光合作用实验', '光合作用實驗'],
  ['science', 'primary', '认识磁铁', '認識磁鐵'],
  ['science', 'senior', '化学反应速率', '化學反應速率'],
  ['science', 'junior', '电路的串联与并联', '電路的串聯與並聯'],
  ['arts', 'primary', '水彩画：春天的花园', '水彩畫：春天的花園'],
  ['arts', 'junior', '校园合唱排练', '校園合唱排練'],
  ['arts', 'senior', '书法临摹：楷书基本笔画', '書法臨摹：楷書基本筆畫'],
  ['pe', 'junior', '篮球运球与传球', '籃球運球與傳球'],
  ['pe', 'senior', '田径：短跑起跑技术', '田徑：短跑起跑技術'],
  ['pe', 'primary', '课间操队形设计', '課間操隊形設計'],
  ['moral-education', 'junior', '班会：学会感恩', '班會：學會感恩'],
  ['moral-education', 'senior', '生涯规划：认识自己的兴趣', '生涯規劃：認識自己的興趣'],
  ['moral-education', 'primary', '垃圾分类小能手', '垃圾分類小能手'],
  ['labour', 'junior', '校园种植：番茄的一生', '校園種植：番茄的一生'],
  ['labour', 'primary', '整理书包的好习惯', '整理書包的好習慣'],
  ['labour', 'senior', '木工榫卯结构', '木工榫卯結構'],
  ['english', 'primary', '英语自然拼读', '英語自然拼讀'],
  ['english', 'senior', '英语演讲比赛指导', '英語演講比賽指導'],
  ['chinese', 'junior', '名著导读：西游记', '名著導讀：西遊記'],
  ['math', 'primary', '认识时间：钟表', '認識時間：鐘錶'],
  ['science', 'senior', '细胞的结构', '細胞的結構'],
  ['arts', 'junior', '剪纸艺术', '剪紙藝術'],
  ['moral-education', 'junior', '课堂纪律与同伴相处', '課堂紀律與朋輩相處'],
].map(([subject, grade, s, h]) => [subject as Subject, grade as GradeBand, s as string, h as string, '']);

const summaries = {
  S: (t: string) => `${t}的课堂设计，包括学习目标、学生活动和课后练习。`,
  H: (t: string) => `${t}的課堂設計，包括學習目標、學生活動及課後練習。`,
};

export const BACKGROUND_TOPICS: Topic[] = BACKGROUND.map(([subject, grade, s, h], i) => ({
  id: `background-${i}`,
  subject,
  grade,
  docs: [
    ['S', s, summaries.S(s), '教师可根据学情调整数据和时间安排。'],
    ['H', h, summaries.H(h), '教師可按學生情況調整數據及時間安排。'],
  ],
}));
